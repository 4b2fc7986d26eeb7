import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'redshift-cluster-not-public',
  aliases: ['Redshift.1', 'redshift_cluster_public_access'],
  service: 'redshift',
  resource: 'redshift-cluster',
  severity: 'critical',
  title: 'Redshift clusters are not publicly accessible',
  description:
    'A publicly accessible cluster gets a public IP address and a DNS name that resolves to it, so its endpoint can be reached from the internet, limited only by its security groups and the database password. The check reads `PubliclyAccessible` from DescribeClusters and fails when it is true. Security Hub Redshift.1.',
  remediation: {
    terraform: `resource "aws_redshift_cluster" "this" {
  # ...
  publicly_accessible = false
}`,
    cli: 'aws redshift modify-cluster --cluster-identifier CLUSTER --no-publicly-accessible --region REGION',
    console:
      'Amazon Redshift console (in the region) > Provisioned clusters dashboard > Clusters > CLUSTER > Actions > Modify publicly accessible setting > Turn off > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-1',
  ],
  needs: ['redshift:DescribeClusters'],
  triggers: ['CreateCluster', 'ModifyCluster', 'RestoreFromClusterSnapshot'],
  evaluate(cluster) {
    if (cluster.publiclyAccessible) return fail(`${cluster.id} is publicly accessible`);
    return pass(`${cluster.id} is not publicly accessible`);
  },
});
