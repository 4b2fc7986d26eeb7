import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'rds-instance-enhanced-monitoring',
  aliases: ['RDS.6', 'rds_instance_enhanced_monitoring_enabled'],
  service: 'rds',
  resource: 'rds-instance',
  severity: 'low',
  title: 'RDS DB instances have Enhanced Monitoring enabled',
  description:
    'Enhanced Monitoring samples the operating system of the DB instance (processes, memory, file system) every 1 to 60 seconds through an agent on the host, so a load spike or a stuck process is seen before it takes the database down. DescribeDBInstances reports MonitoringInterval 0 when it is off (Security Hub RDS.6).',
  remediation: {
    terraform: `resource "aws_db_instance" "this" {
  # ...
  monitoring_interval = 60
  monitoring_role_arn = aws_iam_role.rds_enhanced_monitoring.arn # trusts monitoring.rds.amazonaws.com, AmazonRDSEnhancedMonitoringRole attached
}`,
    cli: 'aws rds modify-db-instance --db-instance-identifier DB_ID --monitoring-interval 60 --monitoring-role-arn arn:aws:iam::ACCOUNT_ID:role/rds-monitoring-role --apply-immediately --region REGION',
    console:
      'RDS console (in the region) > Databases > DB > Modify > Monitoring > "Enable Enhanced monitoring", granularity 60 seconds, monitoring role > Continue.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.Enabling.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-6',
  ],
  needs: ['rds:DescribeDBInstances'],
  triggers: ['CreateDBInstance', 'ModifyDBInstance'],
  evaluate(db) {
    if (db.monitoringIntervalSeconds > 0)
      return pass(`${db.identifier} has Enhanced Monitoring every ${db.monitoringIntervalSeconds} seconds`);
    return fail(`${db.identifier} (${db.engine}) has Enhanced Monitoring off (MonitoringInterval 0)`);
  },
});
