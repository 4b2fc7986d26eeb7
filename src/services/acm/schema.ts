import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** AWS Certificate Manager operations answered once per region (ListCertificates pages concatenated). */
export const ACM_LISTINGS = {
  ListCertificates: z.looseObject({
    CertificateSummaryList: z
      .array(z.looseObject({ CertificateArn: z.string().optional(), DomainName: z.string().optional() }))
      .optional(),
  }),
} as const;

/** ACM calls made per certificate, keyed by certificate ARN. */
export const ACM_PER_RESOURCE = {
  DescribeCertificate: z.looseObject({
    Certificate: z.looseObject({
      CertificateArn: z.string().optional(),
      DomainName: z.string().optional(),
      // AMAZON_ISSUED, IMPORTED or PRIVATE
      Type: z.string().optional(),
      // ISSUED, EXPIRED, PENDING_VALIDATION, INACTIVE, REVOKED, FAILED, VALIDATION_TIMED_OUT
      Status: z.string().optional(),
      // ISO time; absent until the certificate is issued
      NotAfter: z.string().optional(),
      // `RSA-2048`, `EC-prime256v1`… (hyphens, unlike ListCertificates' key type filter)
      KeyAlgorithm: z.string().optional(),
      InUseBy: z.array(z.string()).optional(),
    }),
  }),
} as const;

/** The snapshot section (`snapshot.acm`), in the generated snapshot schema. */
export const section = regionalSection(ACM_LISTINGS, ACM_PER_RESOURCE);
export type AcmSection = z.infer<typeof section>;
