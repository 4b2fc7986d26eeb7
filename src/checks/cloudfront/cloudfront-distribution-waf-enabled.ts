import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { wafWebAclTerraform } from '../waf-web-acl-terraform.ts';
import {
  DISTRIBUTION_TRIGGERS,
  distributionLabel,
  SECURITY_HUB_CLOUDFRONT_CONTROLS,
  updateDistributionCli,
} from './distributions.ts';

export default defineCheck({
  id: 'cloudfront-distribution-waf-enabled',
  aliases: ['AVD-AWS-0011', 'CloudFront.6'],
  service: 'cloudfront',
  resource: 'cloudfront-distribution',
  severity: 'medium',
  title: 'CloudFront distributions have an AWS WAF web ACL',
  description:
    'A CloudFront distribution is the public front door of what sits behind it (an S3 bucket, an ALB, an API): every scanner, bot and injection attempt reaches it first. An AWS WAF web ACL on the distribution (scope CLOUDFRONT, created in us-east-1, with the AWS managed rule groups as seed 004 sets up) filters them at the edge before they reach the origin. The web ACL is read from the distribution itself (ListDistributions `WebACLId`: a WAFv2 web ACL ARN, a WAF Classic web ACL id, or empty). A disabled distribution is reported too, its message saying it is disabled: it gets its protection before it is enabled again.',
  remediation: {
    terraform: `provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1" # web ACLs for CloudFront live in us-east-1
}

${wafWebAclTerraform({ resource: 'edge', name: 'edge-protection', scope: 'CLOUDFRONT', provider: 'aws.us_east_1' })}

resource "aws_cloudfront_distribution" "site" {
  # ... origins, cache behaviors, certificate as today ...
  web_acl_id = aws_wafv2_web_acl.edge.arn # the ARN for WAFv2 (an id only for WAF Classic)
}`,
    cli: updateDistributionCli(
      `--arg acl WEB_ACL_ARN '.DistributionConfig | .WebACLId = $acl'`,
      'WEB_ACL_ARN: a web ACL with scope CLOUDFRONT, e.g. aws wafv2 list-web-acls --scope CLOUDFRONT --region us-east-1',
    ),
    console:
      'AWS WAF console > Web ACLs > region "Global (CloudFront)" > the web ACL (or Create web ACL, resource type "Amazon CloudFront distributions") > Associated AWS resources > Add AWS resources > select the distribution > Add. Or: CloudFront console > the distribution > Security > Edit > enable AWS WAF protections.',
  },
  references: [
    'https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html',
    SECURITY_HUB_CLOUDFRONT_CONTROLS,
    'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#web_acl_id',
  ],
  needs: ['cloudfront:ListDistributions'],
  triggers: DISTRIBUTION_TRIGGERS,
  evaluate(distribution) {
    const label = distributionLabel(distribution);
    const acl = distribution.webAcl;
    if (acl.type === 'unreported')
      return inconclusive(`cannot decide for ${label}`, 'ListDistributions gave no WebACLId');
    if (acl.type === 'none') return fail(`${label} has no WAF web ACL`);
    if (acl.type === 'waf-classic') {
      return pass(
        `${label} is protected by WAF Classic web ACL ${acl.id} (WAF Classic has reached end of support: move the rules to an AWS WAF web ACL)`,
      );
    }
    return pass(`${label} is protected by web ACL ${acl.name}`);
  },
});
