import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { wafWebAclTerraform } from '../waf-web-acl-terraform.ts';

export default defineCheck({
  id: 'elbv2-alb-waf-enabled',
  aliases: ['ELB.16'],
  service: 'elbv2',
  resource: 'elbv2-load-balancer',
  severity: 'medium',
  title: 'Internet-facing Application Load Balancers have an AWS WAF web ACL',
  description:
    'An Application Load Balancer that faces the internet receives every scanner, credential-stuffing bot and injection attempt aimed at its address. An AWS WAF web ACL in front of it (with the AWS managed rule groups, as seed 004 sets up) filters them before they reach the application. Internal ALBs and Network/Gateway Load Balancers are out of scope (WAF cannot protect the latter).',
  remediation: {
    terraform: `${wafWebAclTerraform({ resource: 'alb', name: 'alb-protection', scope: 'REGIONAL' })}

resource "aws_wafv2_web_acl_association" "alb" {
  resource_arn = aws_lb.public.arn
  web_acl_arn  = aws_wafv2_web_acl.alb.arn
}`,
    cli: 'aws wafv2 associate-web-acl --web-acl-arn WEB_ACL_ARN --resource-arn LOAD_BALANCER_ARN --region REGION',
    console:
      'AWS WAF console (in the region) > Web ACLs > the web ACL (or Create web ACL, resource type "Regional resources") > Associated AWS resources > Add AWS resources > Application Load Balancer > select it > Add.',
  },
  references: [
    'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html',
  ],
  needs: ['wafv2:GetWebACLForResource'],
  triggers: ['AssociateWebACL', 'DisassociateWebACL', 'CreateLoadBalancer'],
  evaluate(lb) {
    const acl = known(lb.webAcl);
    if (acl === null) return inconclusive('cannot decide: no web ACL answer', 'GetWebACLForResource gave no answer');
    if (!acl.applicable) return pass(`${lb.name} is an ${acl.why}: a WAF web ACL is not required`);
    if (!acl.name && !acl.arn) return fail(`internet-facing ALB ${lb.name} has no WAF web ACL`);
    return pass(`internet-facing ALB ${lb.name} is protected by web ACL ${acl.name ?? acl.arn}`);
  },
});
