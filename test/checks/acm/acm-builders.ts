import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const certificateArn = (id: string) => `arn:aws:acm:${REGION}:${ACCOUNT_ID}:certificate/${id}`;
export const CERT_ID = '0f2e7a4c-91d3-4b5e-8c6a-2d1b3e4f5a6b';

/** A DescribeCertificate answer for an issued ACM certificate (the snapshot is collected 2026-11-22). */
export function describeCertificate(domain: string, overrides: Record<string, unknown> = {}) {
  const certificate: Record<string, unknown> = {
    CertificateArn: certificateArn(CERT_ID),
    DomainName: domain,
    SubjectAlternativeNames: [domain],
    Serial: '0a:1b:2c:3d:4e:5f:60:71:82:93:a4:b5:c6:d7:e8:f9',
    Subject: `CN=${domain}`,
    Issuer: 'Amazon',
    CreatedAt: '2026-03-01T10:00:00.000Z',
    IssuedAt: '2026-03-01T10:05:00.000Z',
    Status: 'ISSUED',
    NotBefore: '2026-03-01T00:00:00.000Z',
    NotAfter: '2027-03-31T23:59:59.000Z',
    KeyAlgorithm: 'RSA-2048',
    SignatureAlgorithm: 'SHA256WITHRSA',
    InUseBy: [`arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/app/web/50dc6c495c0c9188`],
    Type: 'AMAZON_ISSUED',
    KeyUsages: [{ Name: 'DIGITAL_SIGNATURE' }, { Name: 'KEY_ENCIPHERMENT' }],
    ExtendedKeyUsages: [{ Name: 'TLS_WEB_SERVER_AUTHENTICATION', OID: '1.3.6.1.5.5.7.3.1' }],
    RenewalEligibility: 'ELIGIBLE',
    ...overrides,
  };
  return { Certificate: Object.fromEntries(Object.entries(certificate).filter(([, v]) => v !== undefined)) };
}

/** One region listing one certificate for `domain`, with DescribeCertificate answering `answer` (or not collected). */
export function oneCertificate(domain: string, answer?: unknown): Snapshot {
  return snapshotOf({
    acm: {
      [REGION]: {
        ListCertificates: {
          CertificateSummaryList: [{ CertificateArn: certificateArn(CERT_ID), DomainName: domain }],
        },
        ...(answer === undefined ? {} : { DescribeCertificate: { [certificateArn(CERT_ID)]: answer } }),
      },
    },
  } as Parameters<typeof snapshotOf>[0]);
}

export const DESCRIBE_DENIED = awsError(
  'AccessDeniedException',
  `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: acm:DescribeCertificate on resource: ${certificateArn(CERT_ID)} because no identity-based policy allows the acm:DescribeCertificate action`,
);
export const LIST_DENIED = snapshotOf({
  acm: {
    [REGION]: {
      ListCertificates: awsError(
        'AccessDeniedException',
        `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: acm:ListCertificates because no identity-based policy allows the acm:ListCertificates action`,
      ),
    },
  },
});
export const DENIED_ARN = `arn:aws:acm:${REGION}:${ACCOUNT_ID}:certificate/*`;
