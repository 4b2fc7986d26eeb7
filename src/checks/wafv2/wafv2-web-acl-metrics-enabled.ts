import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'wafv2-web-acl-metrics-enabled',
  aliases: ['wafv2_webacl_rule_logging_enabled'],
  service: 'wafv2',
  resource: 'wafv2-web-acl',
  severity: 'low',
  title: 'AWS WAF web ACLs send CloudWatch metrics for every rule',
  description:
    "Each rule's visibility configuration decides whether its matches are counted in CloudWatch (`CloudWatchMetricsEnabled`), and the web ACL's own decides it for requests its default action handles: without them a spike of blocked or allowed requests cannot be alarmed on. The check fails for a regional web ACL where any rule, or the default action, has metrics off, and names them.",
  remediation: {
    terraform: `resource "aws_wafv2_web_acl" "this" {
  # ... in every rule block, and in the web ACL's own:
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "api"
    sampled_requests_enabled   = true
  }
}`,
    cli: `aws wafv2 get-web-acl --name NAME --id ID --scope REGIONAL --region REGION > acl.json   # set CloudWatchMetricsEnabled true in each VisibilityConfig
aws wafv2 update-web-acl --name NAME --id ID --scope REGIONAL --lock-token LOCK_TOKEN --default-action Allow={} --rules file://rules.json --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=NAME --region REGION`,
    console:
      'AWS WAF console > Web ACLs (the region) > WEB_ACL > Rules > edit each rule named in the finding > Visibility configuration: CloudWatch metrics enabled > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/waf/latest/developerguide/waf-metrics.html',
    'https://docs.aws.amazon.com/config/latest/developerguide/wafv2-rulegroup-logging-enabled.html',
  ],
  needs: ['wafv2:GetWebACL'],
  triggers: ['CreateWebACL', 'UpdateWebACL'],
  evaluate(acl) {
    const definition = known(acl.definition);
    const silent = (definition?.rules ?? []).filter((rule) => !rule.cloudWatchMetrics).map((rule) => rule.name);
    if (definition && !definition.defaultActionMetrics) silent.push('the default action');
    if (silent.length === 0) return pass(`${acl.name} sends CloudWatch metrics for every rule and its default action`);
    return fail(`${acl.name} sends no CloudWatch metrics for ${silent.join(', ')}`);
  },
});
