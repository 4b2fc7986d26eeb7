import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'wafv2-web-acl-logging-enabled',
  aliases: ['WAF.11', 'wafv2_webacl_logging_enabled'],
  service: 'wafv2',
  resource: 'wafv2-web-acl',
  severity: 'low',
  title: 'AWS WAF web ACLs log the requests they inspect',
  description:
    'Web ACL logs record each request inspected, the rule that matched and the action taken: the evidence for tuning rules and for investigating an attack. The check fails for a regional web ACL without a logging configuration (GetLoggingConfiguration answers WAFNonexistentItemException) or with no destination. Security Hub WAF.11.',
  remediation: {
    terraform: `resource "aws_cloudwatch_log_group" "waf" {
  name              = "aws-waf-logs-api" # the name must start with aws-waf-logs-
  retention_in_days = 365
}

resource "aws_wafv2_web_acl_logging_configuration" "this" {
  resource_arn            = aws_wafv2_web_acl.this.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}`,
    cli: `aws logs create-log-group --log-group-name aws-waf-logs-NAME --region REGION
aws wafv2 put-logging-configuration --logging-configuration ResourceArn=WEB_ACL_ARN,LogDestinationConfigs=LOG_GROUP_ARN --region REGION`,
    console:
      'AWS WAF console > Web ACLs (the region) > WEB_ACL > Logging and metrics > Enable > choose a CloudWatch Logs log group, S3 bucket or Firehose stream whose name starts with aws-waf-logs- > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/waf/latest/developerguide/logging.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-11',
  ],
  needs: ['wafv2:GetLoggingConfiguration'],
  triggers: ['PutLoggingConfiguration', 'DeleteLoggingConfiguration'],
  evaluate(acl) {
    const destinations = known(acl.logDestinations) ?? [];
    if (destinations.length > 0) return pass(`${acl.name} logs to ${destinations.join(', ')}`);
    return fail(`${acl.name} does not log the requests it inspects`);
  },
});
