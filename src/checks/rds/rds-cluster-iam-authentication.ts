import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'rds-cluster-iam-authentication',
  aliases: ['RDS.12', 'rds_cluster_iam_authentication_enabled'],
  service: 'rds',
  resource: 'rds-cluster',
  severity: 'medium',
  title: 'RDS DB clusters accept IAM database authentication',
  description:
    'With IAM database authentication a client signs in with a 15-minute token derived from its IAM credentials instead of a long-lived database password, and access is granted and revoked in IAM. Aurora MySQL, Aurora PostgreSQL and Multi-AZ DB clusters offer it. Security Hub RDS.12.',
  remediation: {
    terraform: `resource "aws_rds_cluster" "this" {
  # ...
  iam_database_authentication_enabled = true
}`,
    cli: `aws rds modify-db-cluster --db-cluster-identifier CLUSTER --enable-iam-database-authentication --apply-immediately --region REGION`,
    console:
      'RDS console (in the region) > Databases > CLUSTER > Modify > Database authentication > "Password and IAM database authentication" > Continue > Apply immediately.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.IAMDBAuth.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-12',
  ],
  needs: ['rds:DescribeDBClusters'],
  triggers: [
    'CreateDBCluster',
    'ModifyDBCluster',
    'RestoreDBClusterFromSnapshot',
    'RestoreDBClusterToPointInTime',
    'RestoreDBClusterFromS3',
  ],
  evaluate(cluster) {
    if (cluster.iamAuthentication) return pass(`${cluster.id} accepts IAM database authentication`);
    return fail(`${cluster.id} (${cluster.engine}) accepts database passwords only, not IAM database authentication`);
  },
});
