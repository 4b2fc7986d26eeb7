import type { Gap } from '../../model/resource.ts';
import type { NormaliseContext } from '../define-state.ts';
import type { CloudFrontDistribution, CloudFrontState, DistributionWebAcl } from './model.ts';
import type { CloudFrontSection } from './schema.ts';
import { listing } from '../../model/normalise-regional.ts';

const DEFAULT_BEHAVIOR = 'default (*)';

/**
 * `WebACLId` holds a WAFv2 web ACL ARN (`arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>`),
 * a WAF Classic web ACL id, or `""` when the distribution has no web ACL.
 */
function webAclOf(webAclId: string | undefined): DistributionWebAcl {
  if (webAclId === undefined) return { type: 'unreported' };
  if (webAclId === '') return { type: 'none' };
  if (/^arn:[^:]+:wafv2:/.test(webAclId)) {
    const name = /\/webacl\/([^/]+)\//.exec(webAclId)?.[1] ?? webAclId;
    return { type: 'wafv2', arn: webAclId, name };
  }
  return { type: 'waf-classic', id: webAclId };
}

/** Distributions of the account (CloudFront is global: one listing); a failed ListDistributions is a gap. */
export function normaliseCloudFront(
  section: CloudFrontSection,
  context: NormaliseContext,
): { cloudfront: CloudFrontState; gaps: Gap[] } {
  const { accountId } = context;
  const gaps: Gap[] = [];
  const listed = listing(
    section.ListDistributions,
    { operation: 'cloudfront:ListDistributions', region: 'global' },
    [context.hidden('cloudfront-distribution', 'global')],
    gaps,
    (r) => r.DistributionList?.Items ?? [],
  );
  const distributions = listed.items.map((d): CloudFrontDistribution => ({
    kind: 'cloudfront-distribution',
    arn: d.ARN,
    region: 'global',
    accountId,
    id: d.Id,
    domainName: d.DomainName ?? d.Id,
    aliases: d.Aliases?.Items ?? [],
    enabled: d.Enabled !== false,
    webAcl: webAclOf(d.WebACLId),
    cacheBehaviors: [
      { behavior: DEFAULT_BEHAVIOR, viewerProtocolPolicy: d.DefaultCacheBehavior?.ViewerProtocolPolicy },
      ...(d.CacheBehaviors?.Items ?? []).map((b) => ({
        behavior: b.PathPattern ?? '(no path pattern)',
        viewerProtocolPolicy: b.ViewerProtocolPolicy,
      })),
    ],
    certificate: {
      cloudFrontDefault: d.ViewerCertificate?.CloudFrontDefaultCertificate === true,
      ...(d.ViewerCertificate?.SSLSupportMethod ? { sslSupportMethod: d.ViewerCertificate.SSLSupportMethod } : {}),
      ...(d.ViewerCertificate?.MinimumProtocolVersion
        ? { minimumProtocolVersion: d.ViewerCertificate.MinimumProtocolVersion }
        : {}),
    },
  }));
  return { cloudfront: { listing: listed.observed, distributions }, gaps };
}
