import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import {
  DISTRIBUTION_TRIGGERS,
  distributionLabel,
  SECURITY_HUB_CLOUDFRONT_CONTROLS,
  updateDistributionCli,
} from './distributions.ts';

/** The security policies CloudFront recommends: TLS 1.2 or later with only strong ciphers. */
const RECOMMENDED_TLS_POLICIES = ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];

export default defineCheck({
  id: 'cloudfront-distribution-tls-policy',
  aliases: ['AVD-AWS-0013', 'CloudFront.15'],
  service: 'cloudfront',
  resource: 'cloudfront-distribution',
  severity: 'medium',
  title: 'CloudFront distributions with a custom certificate use a recommended TLS security policy',
  description: `The security policy of a distribution (ViewerCertificate \`MinimumProtocolVersion\`) is the oldest TLS version and weakest ciphers viewers may negotiate. Policies older than TLSv1.2_2021 accept TLS 1.0/1.1 or CBC ciphers that RFC 8996 deprecated, and let a network attacker push a connection down to them. A distribution with its own certificate (ACM or IAM) should use one of ${RECOMMENDED_TLS_POLICIES.join(', ')}. A distribution on the \`*.cloudfront.net\` certificate passes with a note: CloudFront fixes its policy at TLSv1, and only a custom certificate (with an alternate domain name) lets you choose another.`,
  remediation: {
    terraform: `resource "aws_cloudfront_distribution" "site" {
  # ... origins, cache behaviors as today ...
  aliases = ["www.example.com"]
  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.site.arn # issued in us-east-1
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}`,
    cli: updateDistributionCli(
      `'.DistributionConfig | .ViewerCertificate.MinimumProtocolVersion = "TLSv1.2_2021"'`,
      'TLSv1.2_2021 is the policy CloudFront recommends; TLSv1.2_2025 and TLSv1.3_2025 are stricter',
    ),
    console:
      'CloudFront console > Distributions > the distribution > General > Settings > Edit > Security policy: TLSv1.2_2021 (recommended) > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html',
    SECURITY_HUB_CLOUDFRONT_CONTROLS,
    'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#minimum_protocol_version',
  ],
  needs: ['cloudfront:ListDistributions'],
  triggers: DISTRIBUTION_TRIGGERS,
  evaluate(distribution) {
    const label = distributionLabel(distribution);
    const { certificate } = distribution;
    if (certificate.cloudFrontDefault) {
      return pass(
        `${label} uses the *.cloudfront.net certificate, whose security policy CloudFront fixes (attach a custom certificate to choose ${RECOMMENDED_TLS_POLICIES[0]})`,
      );
    }
    const policy = certificate.minimumProtocolVersion;
    if (policy === undefined)
      return inconclusive(
        `cannot decide for ${label}`,
        'ListDistributions gave no ViewerCertificate.MinimumProtocolVersion',
      );
    if (RECOMMENDED_TLS_POLICIES.includes(policy)) return pass(`${label} uses security policy ${policy}`);
    return fail(`${label} uses security policy ${policy}, older than ${RECOMMENDED_TLS_POLICIES[0]}`);
  },
});
