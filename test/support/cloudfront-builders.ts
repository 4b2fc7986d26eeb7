import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import { ACCOUNT_ID } from './snapshot-builders.ts';
import { snapshotOf } from './service-snapshot.ts';

export const WAFV2_ACL_ARN = `arn:aws:wafv2:us-east-1:${ACCOUNT_ID}:global/webacl/edge-protection/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;
export const WAF_CLASSIC_ACL_ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE22222';
export const ACM_CERTIFICATE_ARN = `arn:aws:acm:us-east-1:${ACCOUNT_ID}:certificate/12345678-1234-1234-1234-123456789012`;

export function distributionArn(id: string): string {
  return `arn:aws:cloudfront::${ACCOUNT_ID}:distribution/${id}`;
}

/** One DistributionSummary of ListDistributions as the SDK returns it (plain JSON): HTTPS-only, TLSv1.2_2021, a WAFv2 web ACL. */
export function distribution(Id: string, overrides: Record<string, unknown> = {}) {
  return {
    Id,
    ARN: distributionArn(Id),
    Status: 'Deployed',
    LastModifiedTime: '2025-08-05T18:23:40.375Z',
    DomainName: `d${Id.toLowerCase()}.cloudfront.net`,
    Aliases: { Quantity: 1, Items: [`${Id.toLowerCase()}.example.com`] },
    Origins: {
      Quantity: 1,
      Items: [
        {
          Id: 'site-assets.s3.us-east-1.amazonaws.com',
          DomainName: 'site-assets.s3.us-east-1.amazonaws.com',
          OriginPath: '',
          CustomHeaders: { Quantity: 0 },
          S3OriginConfig: { OriginAccessIdentity: '' },
          ConnectionAttempts: 3,
          ConnectionTimeout: 10,
          OriginShield: { Enabled: false },
          OriginAccessControlId: 'E2QWRUHEXAMPLE',
        },
      ],
    },
    OriginGroups: { Quantity: 0 },
    DefaultCacheBehavior: {
      TargetOriginId: 'site-assets.s3.us-east-1.amazonaws.com',
      TrustedSigners: { Enabled: false, Quantity: 0 },
      TrustedKeyGroups: { Enabled: false, Quantity: 0 },
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: { Quantity: 2, Items: ['HEAD', 'GET'], CachedMethods: { Quantity: 2, Items: ['HEAD', 'GET'] } },
      SmoothStreaming: false,
      Compress: true,
      LambdaFunctionAssociations: { Quantity: 0 },
      FunctionAssociations: { Quantity: 0 },
      FieldLevelEncryptionId: '',
      CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    },
    CacheBehaviors: { Quantity: 0 },
    CustomErrorResponses: { Quantity: 0 },
    Comment: '',
    PriceClass: 'PriceClass_All',
    Enabled: true,
    ViewerCertificate: {
      CloudFrontDefaultCertificate: false,
      ACMCertificateArn: ACM_CERTIFICATE_ARN,
      SSLSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
      Certificate: ACM_CERTIFICATE_ARN,
      CertificateSource: 'acm',
    },
    Restrictions: { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
    WebACLId: WAFV2_ACL_ARN,
    HttpVersion: 'HTTP2',
    IsIPV6Enabled: true,
    Staging: false,
    ...overrides,
  };
}

/** The `*.cloudfront.net` certificate: CloudFront answers with `vip` and the `TLSv1` policy for it. */
export const DEFAULT_CERTIFICATE = {
  CloudFrontDefaultCertificate: true,
  SSLSupportMethod: 'vip',
  MinimumProtocolVersion: 'TLSv1',
  CertificateSource: 'cloudfront',
};

/** A cache behavior for `PathPattern` with the given viewer protocol policy. */
export function cacheBehavior(PathPattern: string, ViewerProtocolPolicy: string) {
  return {
    PathPattern,
    TargetOriginId: 'api-origin',
    ViewerProtocolPolicy,
    SmoothStreaming: false,
    Compress: true,
    FieldLevelEncryptionId: '',
    CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
  };
}

/** A snapshot holding only the cloudfront section: these distributions, or the recorded ListDistributions error. */
export function cloudfrontSnapshot(
  answer: ReturnType<typeof distribution>[] | { error: { name: string; message: string } },
): Snapshot {
  const ListDistributions = Array.isArray(answer)
    ? { DistributionList: { MaxItems: 100, Quantity: answer.length, Items: answer } }
    : answer;
  return snapshotOf({ cloudfront: { ListDistributions } });
}
