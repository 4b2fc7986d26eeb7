import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'redshift-cluster-require-ssl',
  aliases: ['Redshift.2', 'redshift_cluster_in_transit_encryption_enabled'],
  service: 'redshift',
  resource: 'redshift-cluster',
  severity: 'medium',
  title: 'Redshift clusters require SSL for connections',
  description:
    "Without `require_ssl` a cluster accepts clients that connect in plain text, so queries, results and credentials can be read or altered on the network. The parameter lives in the cluster's parameter group (the default group has it off). The check reads the group's parameters with DescribeClusterParameters and passes only when `require_ssl` is `true` and the group is `in-sync` on the cluster (`pending-reboot` means a changed value is not in force yet). Security Hub Redshift.2.",
  remediation: {
    terraform: `resource "aws_redshift_parameter_group" "this" {
  name   = "require-ssl"
  family = "redshift-2.0"
  parameter {
    name  = "require_ssl"
    value = "true"
  }
}

resource "aws_redshift_cluster" "this" {
  # ...
  cluster_parameter_group_name = aws_redshift_parameter_group.this.name
}`,
    cli: 'aws redshift create-cluster-parameter-group --parameter-group-name require-ssl --parameter-group-family redshift-2.0 --description "require SSL" --region REGION\naws redshift modify-cluster-parameter-group --parameter-group-name require-ssl --parameters ParameterName=require_ssl,ParameterValue=true --region REGION\naws redshift modify-cluster --cluster-identifier CLUSTER --cluster-parameter-group-name require-ssl --region REGION\naws redshift reboot-cluster --cluster-identifier CLUSTER --region REGION',
    console:
      'Amazon Redshift console (in the region) > Configurations > Workload management > Create a parameter group (the default group cannot be changed) > Parameters > Edit parameters > require_ssl: true > Save; then Clusters > CLUSTER > Edit > Database configurations > that parameter group, and reboot the cluster.',
  },
  references: [
    'https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-2',
  ],
  needs: ['redshift:DescribeClusterParameters'],
  triggers: [
    'CreateCluster',
    'ModifyCluster',
    'ModifyClusterParameterGroup',
    'ResetClusterParameterGroup',
    'RebootCluster',
  ],
  evaluate(cluster) {
    const groups = known(cluster.ssl) ?? [];
    if (groups.length === 0)
      return inconclusive(`${cluster.id}: no parameter group is listed`, 'DescribeClusters names no parameter group');
    const unlisted = groups.find((g) => g.requireSsl === undefined);
    if (unlisted)
      return inconclusive(
        `${cluster.id}: parameter group ${unlisted.group} does not list require_ssl`,
        'DescribeClusterParameters answered without require_ssl',
      );
    const off = groups.find((g) => g.requireSsl?.toLowerCase() !== 'true');
    if (off)
      return fail(`${cluster.id} accepts unencrypted connections (require_ssl is ${off.requireSsl} in ${off.group})`);
    const pending = groups.find((g) => g.applyStatus !== undefined && g.applyStatus !== 'in-sync');
    if (pending)
      return fail(
        `${cluster.id}: require_ssl is true in ${pending.group} but not in force yet (${pending.applyStatus}: reboot the cluster)`,
      );
    return pass(`${cluster.id} requires SSL (require_ssl is true in ${groups.map((g) => g.group).join(', ')})`);
  },
});
