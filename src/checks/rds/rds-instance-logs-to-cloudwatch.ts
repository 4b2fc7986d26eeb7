import { defineCheck, fail, pass } from '../define-check.ts';
import { clusterDecides } from './cluster-member.ts';

/**
 * The log types Security Hub RDS.9 expects each engine to publish (EnabledCloudwatchLogsExports values), by engine
 * family: `oracle-ee`, `oracle-se2-cdb` are Oracle, `sqlserver-ex` is SQL Server.
 */
const REQUIRED_LOGS: readonly [prefix: string, logs: readonly string[]][] = [
  ['oracle', ['alert', 'audit', 'trace', 'listener']],
  ['custom-oracle', ['alert', 'audit', 'trace', 'listener']],
  ['postgres', ['postgresql', 'upgrade']],
  ['mysql', ['audit', 'error', 'general', 'slowquery']],
  ['mariadb', ['audit', 'error', 'general', 'slowquery']],
  ['sqlserver', ['error', 'agent']],
  ['custom-sqlserver', ['error', 'agent']],
];

function requiredLogs(engine: string): readonly string[] | undefined {
  return REQUIRED_LOGS.find(([prefix]) => engine === prefix || engine.startsWith(`${prefix}-`))?.[1];
}

export default defineCheck({
  id: 'rds-instance-logs-to-cloudwatch',
  aliases: ['RDS.9', 'rds_instance_integration_cloudwatch_logs'],
  service: 'rds',
  resource: 'rds-instance',
  severity: 'medium',
  title: 'RDS DB instances publish their logs to CloudWatch Logs',
  description:
    "Database logs (audit, error, general and slow-query logs; PostgreSQL's log; Oracle's alert, audit, trace and listener logs; SQL Server's error and agent logs) are the record of who connected and what failed. Kept only on the instance they rotate away; published to CloudWatch Logs they are retained and searchable. The check fails when an engine's log types Security Hub RDS.9 names are not all exported, naming the missing ones; an engine outside that list needs at least one export. For an Aurora member the exports are the cluster's, so it is unknown here.",
  remediation: {
    terraform: `resource "aws_db_instance" "this" {
  # ...
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"] # MySQL/MariaDB: ["audit", "error", "general", "slowquery"]
}`,
    cli: `aws rds modify-db-instance --db-instance-identifier DB_ID --cloudwatch-logs-export-configuration '{"EnableLogTypes":["postgresql","upgrade"]}' --apply-immediately --region REGION`,
    console:
      'RDS console (in the region) > Databases > DB > Modify > Log exports > select every log type > Continue. (MySQL and MariaDB also need the general, slow-query and audit logs turned on in the parameter/option group.)',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-9',
  ],
  needs: ['rds:DescribeDBInstances'],
  triggers: ['CreateDBInstance', 'ModifyDBInstance'],
  evaluate(db) {
    const member = clusterDecides(db, 'log export configuration');
    if (member) return member;
    const required = requiredLogs(db.engine);
    if (required === undefined) {
      if (db.logExports.length > 0)
        return pass(`${db.identifier} (${db.engine}) publishes ${db.logExports.join(', ')} to CloudWatch Logs`);
      return fail(`${db.identifier} (${db.engine}) publishes no logs to CloudWatch Logs`);
    }
    const missing = required.filter((log) => !db.logExports.includes(log));
    if (missing.length === 0) return pass(`${db.identifier} publishes ${required.join(', ')} logs to CloudWatch Logs`);
    return fail(
      `${db.identifier} (${db.engine}) does not publish ${missing.join(', ')} logs to CloudWatch Logs${db.logExports.length ? ` (only ${db.logExports.join(', ')})` : ''}`,
    );
  },
});
