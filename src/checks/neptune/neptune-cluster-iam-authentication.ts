import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'neptune-cluster-iam-authentication',
  aliases: ['Neptune.7', 'neptune_cluster_iam_authentication_enabled'],
  service: 'neptune',
  resource: 'neptune-cluster',
  severity: 'medium',
  title: 'Neptune DB clusters have IAM database authentication enabled',
  description:
    'With IAM database authentication every request to the cluster is signed with AWS Signature Version 4 and authorised by IAM policy (`neptune-db:*` actions), so no database credential is stored or shared and access is revoked with the IAM principal. It is off by default. Security Hub Neptune.7.',
  remediation: {
    terraform: `resource "aws_neptune_cluster" "this" {
  # ...
  iam_database_authentication_enabled = true
}`,
    cli: `aws neptune modify-db-cluster --db-cluster-identifier CLUSTER --enable-iam-database-authentication --apply-immediately --region REGION`,
    console:
      'Neptune console (in the region) > Clusters > CLUSTER > Modify > Authentication: IAM DB authentication > Continue > Apply immediately (clients must then sign their requests).',
  },
  references: [
    'https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-7',
  ],
  needs: ['neptune:DescribeDBClusters'],
  triggers: ['CreateDBCluster', 'ModifyDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime'],
  evaluate(cluster) {
    if (cluster.iamAuthentication) return pass(`${cluster.id} authenticates requests with IAM`);
    return fail(`${cluster.id} does not have IAM database authentication enabled`);
  },
});
