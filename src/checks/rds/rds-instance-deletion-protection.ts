import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'rds-instance-deletion-protection',
  aliases: ['RDS.8'],
  service: 'rds',
  resource: 'rds-instance',
  severity: 'low',
  title: 'RDS DB instances have deletion protection enabled',
  description:
    'With deletion protection, DeleteDBInstance fails until the setting is turned off, so neither a mistaken call nor an automation deletes the database (Security Hub RDS.8).',
  remediation: {
    terraform: `resource "aws_db_instance" "this" {
  # ...
  deletion_protection = true
}`,
    cli: 'aws rds modify-db-instance --db-instance-identifier DB_ID --deletion-protection --apply-immediately --region REGION',
    console: 'RDS console (in the region) > Databases > DB > Modify > "Enable deletion protection" > Continue.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-8',
  ],
  needs: ['rds:DescribeDBInstances'],
  triggers: ['CreateDBInstance', 'ModifyDBInstance'],
  evaluate(db) {
    if (db.deletionProtection) return pass(`${db.identifier} has deletion protection enabled`);
    return fail(`${db.identifier} (${db.engine}) can be deleted without first turning deletion protection off`);
  },
});
