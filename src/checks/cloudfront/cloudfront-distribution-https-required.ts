import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import {
  DISTRIBUTION_TRIGGERS,
  distributionLabel,
  SECURITY_HUB_CLOUDFRONT_CONTROLS,
  updateDistributionCli,
} from './distributions.ts';

export default defineCheck({
  id: 'cloudfront-distribution-https-required',
  aliases: ['AVD-AWS-0012', 'CloudFront.3'],
  service: 'cloudfront',
  resource: 'cloudfront-distribution',
  severity: 'medium',
  title: 'CloudFront distributions require HTTPS between viewers and CloudFront',
  description:
    'A cache behavior whose viewer protocol policy is `allow-all` serves its paths over plain HTTP: anyone on the network path can read and change what viewers send and receive (session cookies, credentials, pages). Every cache behavior, the default one included, should say `redirect-to-https` or `https-only`. The message names each behavior that still allows HTTP.',
  remediation: {
    terraform: `resource "aws_cloudfront_distribution" "site" {
  # ... origins, certificate as today ...
  default_cache_behavior {
    # ...
    viewer_protocol_policy = "redirect-to-https" # or "https-only"
  }
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    # ...
    viewer_protocol_policy = "https-only"
  }
}`,
    cli: updateDistributionCli(
      `'.DistributionConfig | walk(if type == "object" and .ViewerProtocolPolicy == "allow-all" then .ViewerProtocolPolicy = "redirect-to-https" else . end)'`,
      'every allow-all cache behavior, the default one included, becomes redirect-to-https',
    ),
    console:
      'CloudFront console > Distributions > the distribution > Behaviors > each behavior whose "Viewer protocol policy" is "HTTP and HTTPS" > Edit > Viewer protocol policy: "Redirect HTTP to HTTPS" (or "HTTPS only") > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
    SECURITY_HUB_CLOUDFRONT_CONTROLS,
    'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#viewer_protocol_policy',
  ],
  needs: ['cloudfront:ListDistributions'],
  triggers: DISTRIBUTION_TRIGGERS,
  evaluate(distribution) {
    const label = distributionLabel(distribution);
    const plain = distribution.cacheBehaviors
      .filter((b) => b.viewerProtocolPolicy === 'allow-all')
      .map((b) => b.behavior);
    if (plain.length > 0)
      return fail(`${label} serves HTTP (viewer protocol policy allow-all) on cache behavior(s): ${plain.join(', ')}`);
    const unsaid = distribution.cacheBehaviors
      .filter((b) => b.viewerProtocolPolicy === undefined)
      .map((b) => b.behavior);
    if (unsaid.length > 0)
      return inconclusive(
        `cannot decide for ${label}`,
        `ListDistributions gave no ViewerProtocolPolicy for cache behavior(s): ${unsaid.join(', ')}`,
      );
    const policies = [...new Set(distribution.cacheBehaviors.map((b) => b.viewerProtocolPolicy))].join(', ');
    return pass(`${label} requires HTTPS on all ${distribution.cacheBehaviors.length} cache behavior(s) (${policies})`);
  },
});
