import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { wafWebAclTerraform } from '../waf-web-acl-terraform.ts';

export default defineCheck({
  id: 'wafv2-web-acl-has-rules',
  aliases: ['WAF.10', 'wafv2_webacl_with_rules'],
  service: 'wafv2',
  resource: 'wafv2-web-acl',
  severity: 'medium',
  title: 'AWS WAF web ACLs have at least one rule or rule group',
  description:
    'A web ACL without rules applies its default action to every request: with Allow it inspects nothing while the resource looks protected. The check reads the regional web ACLs (GetWebACL) and fails for one whose Rules list is empty; a rule that references a managed or own rule group counts. Security Hub WAF.10.',
  remediation: {
    terraform: wafWebAclTerraform({ resource: 'this', name: 'api', scope: 'REGIONAL' }),
    cli: `aws wafv2 get-web-acl --name NAME --id ID --scope REGIONAL --region REGION   # note the LockToken
aws wafv2 update-web-acl --name NAME --id ID --scope REGIONAL --lock-token LOCK_TOKEN --default-action Allow={} --rules file://rules.json --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=NAME --region REGION`,
    console:
      'AWS WAF console > Web ACLs (the region) > WEB_ACL > Rules > Add rules > Add managed rule groups (for example the core rule set) or your own rules > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-editing.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-10',
  ],
  needs: ['wafv2:GetWebACL'],
  triggers: ['CreateWebACL', 'UpdateWebACL'],
  evaluate(acl) {
    const definition = known(acl.definition);
    const rules = definition?.rules ?? [];
    if (rules.length > 0)
      return pass(`${acl.name} has ${rules.length} rule(s): ${rules.map((rule) => rule.name).join(', ')}`);
    return fail(`${acl.name} has no rules: its default action applies to every request`);
  },
});
