import { defineCheck } from '../define-check.ts';
import { auditLogExportVerdict } from '../db-cluster-verdicts.ts';

export default defineCheck({
  id: 'docdb-cluster-audit-logs',
  aliases: ['DocumentDB.4', 'AVD-AWS-0020', 'documentdb_cluster_cloudwatch_log_export'],
  service: 'docdb',
  resource: 'docdb-cluster',
  severity: 'medium',
  title: 'DocumentDB clusters publish audit logs to CloudWatch Logs',
  description:
    'Audit logs record who connected and what they ran (authentication, DDL and data-changing requests); exported to CloudWatch Logs they outlive the cluster and can be alarmed on. The check reads the log types the cluster exports (`EnabledCloudwatchLogsExports`) and fails when `audit` is not among them. The cluster parameter group must also turn auditing on (`audit_logs = enabled`), which the listing does not show. Security Hub DocumentDB.4.',
  remediation: {
    terraform: `resource "aws_docdb_cluster" "this" {
  # ...
  enabled_cloudwatch_logs_exports = ["audit"]
}`,
    cli: `aws docdb modify-db-cluster --db-cluster-identifier CLUSTER --cloudwatch-logs-export-configuration '{"EnableLogTypes":["audit"]}' --apply-immediately --region REGION`,
    console:
      'Amazon DocumentDB console (in the region) > Clusters > CLUSTER > Modify > Log exports: Audit logs > Continue > Apply immediately (and set audit_logs = enabled in its cluster parameter group).',
  },
  references: [
    'https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-4',
  ],
  needs: ['docdb:DescribeDBClusters'],
  triggers: ['CreateDBCluster', 'ModifyDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime'],
  evaluate: auditLogExportVerdict,
});
