import { defineCheck } from '../define-check.ts';
import { deletionProtectionVerdict } from '../db-cluster-verdicts.ts';

export default defineCheck({
  id: 'rds-cluster-deletion-protection',
  aliases: ['RDS.7', 'AVD-AWS-0343', 'rds_cluster_deletion_protection'],
  service: 'rds',
  resource: 'rds-cluster',
  severity: 'low',
  title: 'RDS DB clusters have deletion protection enabled',
  description:
    'With deletion protection, DeleteDBCluster fails until someone allowed to modify the cluster turns it off, so neither a mistaken call nor a compromised automation deletes an Aurora or Multi-AZ DB cluster with its storage. CreateDBCluster and infrastructure as code leave it off unless asked. Security Hub RDS.7.',
  remediation: {
    terraform: `resource "aws_rds_cluster" "this" {
  # ...
  deletion_protection = true
}`,
    cli: `aws rds modify-db-cluster --db-cluster-identifier CLUSTER --deletion-protection --apply-immediately --region REGION`,
    console:
      'RDS console (in the region) > Databases > CLUSTER (the cluster row) > Modify > Additional configuration > "Enable deletion protection" > Continue > Apply immediately > Modify cluster.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_DeleteCluster.html#USER_DeletionProtection',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-7',
  ],
  needs: ['rds:DescribeDBClusters'],
  triggers: [
    'CreateDBCluster',
    'ModifyDBCluster',
    'RestoreDBClusterFromSnapshot',
    'RestoreDBClusterToPointInTime',
    'RestoreDBClusterFromS3',
  ],
  evaluate: deletionProtectionVerdict,
});
