import { defineCheck } from '../define-check.ts';
import { snapshotEncryptedVerdict } from './snapshot-verdicts.ts';

export default defineCheck({
  id: 'rds-cluster-snapshot-encrypted',
  aliases: ['RDS.4', 'rds_snapshots_encrypted'],
  service: 'rds',
  resource: 'rds-cluster-snapshot',
  severity: 'medium',
  title: 'RDS DB cluster snapshots are encrypted at rest',
  description:
    'A snapshot of an unencrypted cluster is unencrypted too, and whoever can copy or restore it reads the data in the clear. An encrypted copy (CopyDBClusterSnapshot with a KMS key) replaces it. Security Hub RDS.4.',
  remediation: {
    terraform: `# Terraform has no cluster snapshot copy resource: copy with the CLI, then manage the copy
resource "aws_db_cluster_snapshot" "this" {
  db_cluster_identifier          = aws_rds_cluster.this.id # an encrypted cluster gives encrypted snapshots
  db_cluster_snapshot_identifier = "CLUSTER-manual"
}`,
    cli: `aws rds copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier SNAPSHOT --target-db-cluster-snapshot-identifier SNAPSHOT-encrypted --kms-key-id alias/aws/rds --region REGION
aws rds delete-db-cluster-snapshot --db-cluster-snapshot-identifier SNAPSHOT --region REGION`,
    console:
      'RDS console (in the region) > Snapshots > SNAPSHOT (cluster snapshot) > Actions > Copy snapshot > Enable encryption > Copy snapshot; then delete the unencrypted one.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-copy-snapshot.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-4',
  ],
  needs: ['rds:DescribeDBClusterSnapshots'],
  triggers: ['CreateDBClusterSnapshot', 'CopyDBClusterSnapshot'],
  evaluate: snapshotEncryptedVerdict,
});
