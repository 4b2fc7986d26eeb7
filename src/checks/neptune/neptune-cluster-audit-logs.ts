import { defineCheck } from '../define-check.ts';
import { auditLogExportVerdict } from '../db-cluster-verdicts.ts';

export default defineCheck({
  id: 'neptune-cluster-audit-logs',
  aliases: ['Neptune.2', 'AVD-AWS-0075', 'neptune_cluster_integration_cloudwatch_logs'],
  service: 'neptune',
  resource: 'neptune-cluster',
  severity: 'medium',
  title: 'Neptune DB clusters publish audit logs to CloudWatch Logs',
  description:
    'Audit logs record who connected and what they ran (authentication, DDL and data-changing requests); exported to CloudWatch Logs they outlive the cluster and can be alarmed on. The check reads the log types the cluster exports (`EnabledCloudwatchLogsExports`) and fails when `audit` is not among them. The cluster parameter group must also turn auditing on (`neptune_enable_audit_log = 1`), which the listing does not show. Security Hub Neptune.2.',
  remediation: {
    terraform: `resource "aws_neptune_cluster" "this" {
  # ...
  enable_cloudwatch_logs_exports = ["audit"]
}`,
    cli: `aws neptune modify-db-cluster --db-cluster-identifier CLUSTER --cloudwatch-logs-export-configuration '{"EnableLogTypes":["audit"]}' --apply-immediately --region REGION`,
    console:
      'Neptune console (in the region) > Clusters > CLUSTER > Modify > Log exports: Audit logs > Continue > Apply immediately (and set neptune_enable_audit_log = 1 in its cluster parameter group).',
  },
  references: [
    'https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-2',
  ],
  needs: ['neptune:DescribeDBClusters'],
  triggers: ['CreateDBCluster', 'ModifyDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime'],
  evaluate: auditLogExportVerdict,
});
