import { defineCheck } from '../define-check.ts';
import { snapshotEncryptedVerdict } from './snapshot-verdicts.ts';

export default defineCheck({
  id: 'rds-snapshot-encrypted',
  aliases: ['RDS.4', 'rds_snapshots_encrypted'],
  service: 'rds',
  resource: 'rds-snapshot',
  severity: 'medium',
  title: 'RDS DB snapshots are encrypted at rest',
  description:
    'A snapshot of an unencrypted instance is unencrypted too, and whoever can copy or restore it reads the data in the clear. An encrypted copy (CopyDBSnapshot with a KMS key) replaces it. Security Hub RDS.4 (DB snapshots; cluster snapshots: rds-cluster-snapshot-encrypted).',
  remediation: {
    terraform: `resource "aws_db_snapshot_copy" "encrypted" {
  source_db_snapshot_identifier = "SNAPSHOT"
  target_db_snapshot_identifier = "SNAPSHOT-encrypted"
  kms_key_id                    = aws_kms_key.rds.arn
}`,
    cli: `aws rds copy-db-snapshot --source-db-snapshot-identifier SNAPSHOT --target-db-snapshot-identifier SNAPSHOT-encrypted --kms-key-id alias/aws/rds --region REGION
aws rds delete-db-snapshot --db-snapshot-identifier SNAPSHOT --region REGION`,
    console:
      'RDS console (in the region) > Snapshots > SNAPSHOT > Actions > Copy snapshot > Enable encryption > Copy snapshot; then delete the unencrypted one (and encrypt the instance it came from).',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_CopySnapshot.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-4',
  ],
  needs: ['rds:DescribeDBSnapshots'],
  triggers: ['CreateDBSnapshot', 'CopyDBSnapshot'],
  evaluate: snapshotEncryptedVerdict,
});
