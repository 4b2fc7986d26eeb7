import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'opensearch-domain-audit-logging',
  aliases: ['Opensearch.5', 'opensearch_service_domains_audit_logging_enabled'],
  service: 'opensearch',
  resource: 'opensearch-domain',
  severity: 'medium',
  title: 'OpenSearch domains publish audit logs',
  description:
    'Audit logs record who authenticated and which indices and documents they read or changed; without them a data leak from the domain cannot be traced. The check reads `LogPublishingOptions` from DescribeDomain and fails unless `AUDIT_LOGS` is enabled (audit logging also needs fine-grained access control). Security Hub Opensearch.5.',
  remediation: {
    terraform: `resource "aws_opensearch_domain" "this" {
  # ... (advanced_security_options enabled)
  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.opensearch_audit.arn
  }
}`,
    cli: "aws opensearch update-domain-config --domain-name DOMAIN --log-publishing-options 'AUDIT_LOGS={CloudWatchLogsLogGroupArn=LOG_GROUP_ARN,Enabled=true}' --region REGION",
    console:
      'Amazon OpenSearch Service console (in the region) > Domains > DOMAIN > Logs > Audit logs > Enable > a log group and its resource policy > Enable.',
  },
  references: [
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-5',
  ],
  needs: ['opensearch:DescribeDomain'],
  triggers: ['CreateDomain', 'UpdateDomainConfig'],
  evaluate(domain) {
    const logs = known(domain.config)?.enabledLogs ?? [];
    if (logs.includes('AUDIT_LOGS')) return pass(`${domain.name} publishes audit logs`);
    return fail(
      `${domain.name} does not publish audit logs${logs.length > 0 ? ` (publishes ${logs.join(', ')})` : ''}`,
    );
  },
});
