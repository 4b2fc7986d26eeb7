import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'rds-instance-auto-minor-version-upgrade',
  aliases: ['RDS.13'],
  service: 'rds',
  resource: 'rds-instance',
  severity: 'high',
  title: 'RDS DB instances upgrade minor engine versions automatically',
  description:
    "Minor engine versions carry security fixes. With AutoMinorVersionUpgrade, RDS applies them in the instance's maintenance window (Security Hub RDS.13, CIS 2.2.2 in v5.0).",
  remediation: {
    terraform: `resource "aws_db_instance" "this" {
  # ...
  auto_minor_version_upgrade = true
}`,
    cli: 'aws rds modify-db-instance --db-instance-identifier DB_ID --auto-minor-version-upgrade --region REGION',
    console:
      'RDS console (in the region) > Databases > DB > Modify > Maintenance > "Enable auto minor version upgrade" > Continue.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-13',
  ],
  needs: ['rds:DescribeDBInstances'],
  triggers: ['CreateDBInstance', 'ModifyDBInstance'],
  evaluate(db) {
    if (db.autoMinorVersionUpgrade) return pass(`${db.identifier} upgrades minor engine versions automatically`);
    return fail(`${db.identifier} (${db.engine}) does not upgrade minor engine versions automatically`);
  },
});
