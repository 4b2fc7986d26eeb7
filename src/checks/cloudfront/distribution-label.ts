import type { CloudFrontDistribution } from '../../model/cloudfront.ts';

/** How messages name a distribution: its id and the domain users know it by; disabled ones say so. */
export function distributionLabel(d: CloudFrontDistribution): string {
  return `${d.enabled ? '' : 'disabled '}distribution ${d.id} (${d.aliases[0] ?? d.domainName})`;
}
