import { defineCheck } from '../define-check.ts';
import { storageEncryptedVerdict } from '../db-cluster-verdicts.ts';

export default defineCheck({
  id: 'rds-cluster-encrypted',
  aliases: ['RDS.27', 'AVD-AWS-0079', 'rds_cluster_storage_encrypted'],
  service: 'rds',
  resource: 'rds-cluster',
  severity: 'medium',
  title: 'RDS DB clusters encrypt their storage at rest',
  description:
    'KMS encryption at rest covers the cluster volume, its automated backups and snapshots. It is chosen when the cluster is created and cannot be turned on later: an unencrypted cluster is replaced by restoring an encrypted copy of a snapshot. Security Hub RDS.27; trivy AVD-AWS-0079 also wants a customer managed key, which this check does not require.',
  remediation: {
    terraform: `resource "aws_rds_cluster" "this" {
  # ...
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
}`,
    cli: `aws rds create-db-cluster-snapshot --db-cluster-identifier CLUSTER --db-cluster-snapshot-identifier CLUSTER-plain --region REGION
aws rds copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier CLUSTER-plain --target-db-cluster-snapshot-identifier CLUSTER-encrypted --kms-key-id alias/aws/rds --region REGION
aws rds restore-db-cluster-from-snapshot --db-cluster-identifier CLUSTER-new --snapshot-identifier CLUSTER-encrypted --engine ENGINE --region REGION`,
    console:
      'RDS console (in the region) > Snapshots > take a snapshot of the cluster > Actions > Copy snapshot > Enable encryption > then Restore snapshot from the encrypted copy, move clients to the new cluster and delete the old one.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-27',
  ],
  needs: ['rds:DescribeDBClusters'],
  triggers: [
    'CreateDBCluster',
    'ModifyDBCluster',
    'RestoreDBClusterFromSnapshot',
    'RestoreDBClusterToPointInTime',
    'RestoreDBClusterFromS3',
  ],
  evaluate: storageEncryptedVerdict,
});
