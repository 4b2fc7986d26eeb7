import type { Observed } from '../../model/observed.ts';

/**
 * What a distribution's `WebACLId` names: a WAFv2 web ACL (by ARN), a WAF Classic one (by id), or nothing (`""`).
 * `unreported` when the listing has no `WebACLId` at all (AWS always sends it; a hand-built snapshot may not).
 */
export type DistributionWebAcl =
  | { type: 'wafv2'; arn: string; name: string }
  | { type: 'waf-classic'; id: string }
  | { type: 'none' }
  | { type: 'unreported' };

/** Which viewer protocols one cache behavior accepts (`allow-all`, `redirect-to-https`, `https-only`). */
export interface CacheBehaviorProtocol {
  /** `default (*)` for the default cache behavior, else its path pattern */
  behavior: string;
  /** undefined when the listing did not say */
  viewerProtocolPolicy?: string;
}

/** The certificate viewers see and the oldest TLS version it accepts. */
export interface DistributionCertificate {
  /** the `*.cloudfront.net` certificate: CloudFront then allows only the `TLSv1` security policy */
  cloudFrontDefault: boolean;
  /** `sni-only`, `vip` (dedicated IP) or `static-ip` */
  sslSupportMethod?: string;
  /** the security policy, e.g. `TLSv1.2_2021` */
  minimumProtocolVersion?: string;
}

/** A CloudFront distribution (ARN `arn:<partition>:cloudfront::<account>:distribution/<id>`), a global resource. */
export interface CloudFrontDistribution {
  kind: 'cloudfront-distribution';
  arn: string;
  region: 'global';
  accountId: string;
  id: string;
  domainName: string;
  /** alternate domain names (CNAMEs) */
  aliases: string[];
  enabled: boolean;
  webAcl: DistributionWebAcl;
  /** the default cache behavior first, then the others in order */
  cacheBehaviors: CacheBehaviorProtocol[];
  certificate: DistributionCertificate;
}

export interface CloudFrontState {
  /** ListDistributions itself (its failure is also a gap over every distribution) */
  listing: Observed<true>;
  distributions: CloudFrontDistribution[];
}
