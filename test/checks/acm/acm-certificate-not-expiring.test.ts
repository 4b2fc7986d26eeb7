import check from '../../../src/checks/acm/acm-certificate-not-expiring.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  CERT_ID,
  DENIED_ARN,
  DESCRIBE_DENIED,
  LIST_DENIED,
  certificateArn,
  describeCertificate,
  oneCertificate,
} from './acm-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'issued, expires in March',
      snapshot: oneCertificate('www.example.com', describeCertificate('www.example.com')),
      message: 'www.example.com expires in 129 day(s)',
    },
    {
      name: 'pending validation: no NotAfter yet',
      snapshot: oneCertificate(
        'new.example.com',
        describeCertificate('new.example.com', {
          Status: 'PENDING_VALIDATION',
          NotBefore: undefined,
          NotAfter: undefined,
          IssuedAt: undefined,
          InUseBy: [],
        }),
      ),
      message: 'new.example.com is PENDING_VALIDATION',
    },
  ],
  fail: [
    {
      name: 'an imported certificate expiring in 9 days',
      snapshot: oneCertificate(
        'legacy.example.com',
        describeCertificate('legacy.example.com', {
          Type: 'IMPORTED',
          Issuer: 'Example CA',
          ImportedAt: '2025-12-01T00:00:00.000Z',
          NotAfter: '2026-12-01T12:00:00.000Z',
          RenewalEligibility: 'INELIGIBLE',
        }),
      ),
      arn: certificateArn(CERT_ID),
      message:
        'legacy.example.com expires in 9 day(s) (2026-12-01T12:00:00.000Z): imported certificates are not renewed',
    },
    {
      name: 'already expired',
      snapshot: oneCertificate(
        'old.example.com',
        describeCertificate('old.example.com', { Status: 'EXPIRED', NotAfter: '2026-10-01T23:59:59.000Z' }),
      ),
      message: 'old.example.com expired 52 day(s) ago',
    },
  ],
  unknown: [
    {
      name: 'issued but without NotAfter',
      snapshot: oneCertificate('odd.example.com', describeCertificate('odd.example.com', { NotAfter: undefined })),
      message: 'odd.example.com has no NotAfter in DescribeCertificate (status ISSUED)',
    },
    {
      name: 'DescribeCertificate denied',
      snapshot: oneCertificate('www.example.com', DESCRIBE_DENIED),
      message: 'AccessDeniedException on acm:DescribeCertificate',
    },
    {
      name: 'DescribeCertificate not collected',
      snapshot: oneCertificate('www.example.com'),
      message: 'acm:DescribeCertificate',
    },
    {
      name: "ListCertificates denied: the region's certificates are hidden",
      snapshot: LIST_DENIED,
      arn: DENIED_ARN,
      message: 'AccessDeniedException on acm:ListCertificates',
    },
  ],
});
