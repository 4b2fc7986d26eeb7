import { ACMClient, DescribeCertificateCommand, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { defineService } from '../define-service.ts';
import { nextTokenPages } from '../pagination.ts';
import { ACM_LISTINGS, ACM_PER_RESOURCE } from './schema.ts';

/**
 * Every key type ListCertificates knows: without this filter it lists only RSA-1024 and RSA-2048 certificates,
 * and the ECDSA and larger RSA ones would go unjudged.
 */
const KEY_TYPES = ['RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1', 'EC_secp384r1', 'EC_secp521r1'];

/** AWS Certificate Manager evidence of one region: the certificates, and each one's description (expiry, key). */
export default defineService({
  name: 'acm',
  title: 'AWS Certificate Manager',
  scope: 'regional',
  client: ACMClient,
  operations: {
    ListCertificates: {
      command: ListCertificatesCommand,
      input: () => ({ MaxItems: 1000, Includes: { keyTypes: KEY_TYPES } }),
      pages: nextTokenPages('CertificateSummaryList'),
      response: ACM_LISTINGS.ListCertificates,
      iam: ['acm:ListCertificates'],
    },
    DescribeCertificate: {
      command: DescribeCertificateCommand,
      perResource: {
        after: ['ListCertificates'],
        targets: (answers) =>
          (
            (answers.ListCertificates as { CertificateSummaryList?: { CertificateArn?: string }[] } | undefined)
              ?.CertificateSummaryList ?? []
          )
            .flatMap((c) => (c.CertificateArn === undefined ? [] : [c.CertificateArn]))
            .map((arn) => ({ key: arn, input: { CertificateArn: arn } })),
      },
      response: ACM_PER_RESOURCE.DescribeCertificate,
      iam: ['acm:DescribeCertificate'],
    },
  },
});
