import type { CloudFrontDistribution } from '../../services/cloudfront/model.ts';

/** How messages name a distribution: its id and the domain users know it by; disabled ones say so. */
export function distributionLabel(d: CloudFrontDistribution): string {
  return `${d.enabled ? '' : 'disabled '}distribution ${d.id} (${d.aliases[0] ?? d.domainName})`;
}

/**
 * The AWS CLI fix of a distribution setting: CloudFront takes the whole configuration back with the ETag it was
 * read with, so the fix is read, change with `jq` (`filter` applies to `.DistributionConfig`), write.
 */
export function updateDistributionCli(filter: string, note: string): string {
  return `aws cloudfront get-distribution-config --id DISTRIBUTION_ID > current.json
jq ${filter} current.json > config.json
aws cloudfront update-distribution --id DISTRIBUTION_ID --distribution-config file://config.json --if-match "$(jq -r .ETag current.json)"
# ${note}`;
}

/** Every distribution setting changes through these calls (CloudTrail event names, for `watch`). */
export const DISTRIBUTION_TRIGGERS = ['CreateDistribution', 'CreateDistributionWithTags', 'UpdateDistribution'];

/** Security Hub's page of CloudFront controls (CloudFront.3, .6, .15). */
export const SECURITY_HUB_CLOUDFRONT_CONTROLS =
  'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html';
