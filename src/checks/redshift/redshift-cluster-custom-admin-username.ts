import { defineCheck, fail, pass } from '../define-check.ts';

/** The admin user name the console proposes when creating a cluster. */
const DEFAULT_ADMIN = 'awsuser';

export default defineCheck({
  id: 'redshift-cluster-custom-admin-username',
  aliases: ['Redshift.8', 'redshift_cluster_non_default_username'],
  service: 'redshift',
  resource: 'redshift-cluster',
  severity: 'medium',
  title: `Redshift clusters do not use the default admin user name ${DEFAULT_ADMIN}`,
  description: `A password-guessing attack needs a user name; \`${DEFAULT_ADMIN}\`, the console's default, is the first one tried. The check reads \`MasterUsername\` from DescribeClusters and fails when it is \`${DEFAULT_ADMIN}\`. The admin user name cannot be changed: the cluster has to be recreated (snapshot and restore keep the name, so unload and reload, or create a new admin user and drop the old one's privileges). Security Hub Redshift.8.`,
  remediation: {
    terraform: `resource "aws_redshift_cluster" "this" {
  # ... (changing this replaces the cluster)
  master_username = "warehouse_admin"
}`,
    cli: 'aws redshift create-cluster --cluster-identifier NEW_CLUSTER --master-username warehouse_admin --manage-master-password --node-type NODE_TYPE --number-of-nodes N --region REGION\n# then move the data (UNLOAD/COPY) and delete the old cluster',
    console:
      'Amazon Redshift console (in the region) > Create cluster > Database configurations > Admin user name: anything but awsuser; move the data and delete the old cluster.',
  },
  references: [
    'https://docs.aws.amazon.com/redshift/latest/mgmt/create-cluster.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-8',
  ],
  needs: ['redshift:DescribeClusters'],
  triggers: ['CreateCluster', 'RestoreFromClusterSnapshot'],
  evaluate(cluster) {
    if (cluster.masterUsername === DEFAULT_ADMIN)
      return fail(`${cluster.id} uses the default admin user name ${DEFAULT_ADMIN}`);
    return pass(`${cluster.id} uses the admin user name ${cluster.masterUsername ?? '(not given)'}`);
  },
});
