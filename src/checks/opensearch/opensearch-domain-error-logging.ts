import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'opensearch-domain-error-logging',
  aliases: ['Opensearch.4'],
  service: 'opensearch',
  resource: 'opensearch-domain',
  severity: 'medium',
  title: 'OpenSearch domains publish error logs to CloudWatch Logs',
  description:
    'Error logs (the OpenSearch application log: failed queries, script errors, node and shard failures) are where a broken or attacked domain first shows. They stay inside the service unless published. The check reads `LogPublishingOptions` from DescribeDomain and fails unless `ES_APPLICATION_LOGS` is enabled. Security Hub Opensearch.4.',
  remediation: {
    terraform: `resource "aws_opensearch_domain" "this" {
  # ...
  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.opensearch_errors.arn
  }
}
# the log group needs a resource policy that lets es.amazonaws.com write to it (aws_cloudwatch_log_resource_policy)`,
    cli: "aws opensearch update-domain-config --domain-name DOMAIN --log-publishing-options 'ES_APPLICATION_LOGS={CloudWatchLogsLogGroupArn=LOG_GROUP_ARN,Enabled=true}' --region REGION",
    console:
      'Amazon OpenSearch Service console (in the region) > Domains > DOMAIN > Logs > Error logs > Enable > a log group and its resource policy > Enable.',
  },
  references: [
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-4',
  ],
  needs: ['opensearch:DescribeDomain'],
  triggers: ['CreateDomain', 'UpdateDomainConfig'],
  evaluate(domain) {
    const logs = known(domain.config)?.enabledLogs ?? [];
    if (logs.includes('ES_APPLICATION_LOGS')) return pass(`${domain.name} publishes error logs to CloudWatch Logs`);
    return fail(
      `${domain.name} does not publish error logs (ES_APPLICATION_LOGS)${logs.length > 0 ? `; it publishes ${logs.join(', ')}` : ''}`,
    );
  },
});
