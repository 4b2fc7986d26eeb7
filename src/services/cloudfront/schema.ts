import { z } from 'zod';
import { responseOr } from '../../model/response-schema.ts';

const viewerProtocolPolicy = z.string();

/** One DistributionSummary of ListDistributions, with the members the checks read (the rest is kept as is). */
const distributionSummary = z.looseObject({
  Id: z.string().min(1),
  ARN: z.string().min(1),
  Status: z.string().optional(),
  DomainName: z.string().optional(),
  Aliases: z.looseObject({ Quantity: z.number().optional(), Items: z.array(z.string()).optional() }).optional(),
  Enabled: z.boolean().optional(),
  /** a WAFv2 web ACL ARN, a WAF Classic web ACL id, or `""` when the distribution has none */
  WebACLId: z.string().optional(),
  DefaultCacheBehavior: z.looseObject({ ViewerProtocolPolicy: viewerProtocolPolicy.optional() }).optional(),
  CacheBehaviors: z
    .looseObject({
      Quantity: z.number().optional(),
      Items: z
        .array(
          z.looseObject({ PathPattern: z.string().optional(), ViewerProtocolPolicy: viewerProtocolPolicy.optional() }),
        )
        .optional(),
    })
    .optional(),
  ViewerCertificate: z
    .looseObject({
      CloudFrontDefaultCertificate: z.boolean().optional(),
      ACMCertificateArn: z.string().optional(),
      IAMCertificateId: z.string().optional(),
      SSLSupportMethod: z.string().optional(),
      MinimumProtocolVersion: z.string().optional(),
      CertificateSource: z.string().optional(),
    })
    .optional(),
});

/**
 * CloudFront operations (a global service: no region level; the API answers from us-east-1). ListDistributions
 * holds every page's distributions in one `DistributionList.Items` (`Marker`, `NextMarker`, `IsTruncated` dropped,
 * `Quantity` the total).
 */
export const CLOUDFRONT_OPERATIONS = {
  ListDistributions: z.looseObject({
    DistributionList: z
      .looseObject({
        MaxItems: z.number().optional(),
        Quantity: z.number().optional(),
        Items: z.array(distributionSummary).optional(),
      })
      .optional(),
  }),
} as const;

/** One page of ListDistributions as the collector checks it (the `DistributionList` member). */
export const DISTRIBUTION_LIST_PAGE = CLOUDFRONT_OPERATIONS.ListDistributions.shape.DistributionList.unwrap();

/** The snapshot section (`snapshot.cloudfront`), in the generated snapshot schema. */
export const section = z.strictObject({
  ListDistributions: responseOr(CLOUDFRONT_OPERATIONS.ListDistributions).optional(),
});
export type CloudFrontSection = z.infer<typeof section>;
