import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'rds-instance-encrypted',
  aliases: ['RDS.3', 'AVD-AWS-0080'],
  service: 'rds',
  resource: 'rds-instance',
  severity: 'medium',
  title: 'RDS DB instances encrypt their storage at rest',
  description:
    "Encryption at rest (KMS) covers the instance's storage, its automated backups, read replicas and snapshots. It can only be chosen when the instance is created: an unencrypted instance is moved by restoring an encrypted copy of a snapshot (Security Hub RDS.3, CIS 2.2.1 in v5.0). Aurora members report their cluster's setting.",
  remediation: {
    terraform: `resource "aws_db_instance" "this" {
  # ...
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
}`,
    cli: `aws rds create-db-snapshot --db-instance-identifier DB_ID --db-snapshot-identifier DB_ID-plain --region REGION
aws rds copy-db-snapshot --source-db-snapshot-identifier DB_ID-plain --target-db-snapshot-identifier DB_ID-encrypted --kms-key-id alias/aws/rds --region REGION
aws rds restore-db-instance-from-db-snapshot --db-instance-identifier DB_ID-new --db-snapshot-identifier DB_ID-encrypted --region REGION`,
    console:
      'RDS console (in the region) > Snapshots > take a snapshot of DB > Actions > Copy snapshot > Enable encryption > then Restore snapshot from the encrypted copy and move clients to the new instance.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-3',
  ],
  needs: ['rds:DescribeDBInstances'],
  triggers: ['CreateDBInstance', 'RestoreDBInstanceFromDBSnapshot'],
  evaluate(db) {
    if (db.storageEncrypted) return pass(`${db.identifier} encrypts its storage at rest`);
    return fail(`${db.identifier} (${db.engine}) does not encrypt its storage, backups or snapshots at rest`);
  },
});
