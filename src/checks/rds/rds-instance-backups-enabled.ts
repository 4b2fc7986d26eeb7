import { defineCheck, fail, pass } from '../define-check.ts';

/** Security Hub RDS.11's default `backupRetentionMinimum`. */
const MINIMUM_DAYS = 7;

export default defineCheck({
  id: 'rds-instance-backups-enabled',
  aliases: ['RDS.11'],
  service: 'rds',
  resource: 'rds-instance',
  severity: 'medium',
  title: `RDS DB instances keep automated backups for at least ${MINIMUM_DAYS} days`,
  description: `Automated backups allow point-in-time recovery within the retention period; a retention of 0 turns them off. Security Hub RDS.11 fails a retention below ${MINIMUM_DAYS} days (its default minimum). Aurora members report their cluster's retention.`,
  remediation: {
    terraform: `resource "aws_db_instance" "this" {
  # ...
  backup_retention_period = ${MINIMUM_DAYS}
}`,
    cli: `aws rds modify-db-instance --db-instance-identifier DB_ID --backup-retention-period ${MINIMUM_DAYS} --apply-immediately --region REGION`,
    console: `RDS console (in the region) > Databases > DB > Modify > Backup > "Backup retention period" ${MINIMUM_DAYS} days or more > Continue.`,
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-11',
  ],
  needs: ['rds:DescribeDBInstances'],
  triggers: ['CreateDBInstance', 'ModifyDBInstance'],
  evaluate(db) {
    if (db.backupRetentionDays >= MINIMUM_DAYS)
      return pass(`${db.identifier} keeps automated backups for ${db.backupRetentionDays} days`);
    if (db.backupRetentionDays === 0) return fail(`${db.identifier} (${db.engine}) has automated backups turned off`);
    return fail(
      `${db.identifier} keeps automated backups for ${db.backupRetentionDays} day(s), fewer than ${MINIMUM_DAYS}`,
    );
  },
});
