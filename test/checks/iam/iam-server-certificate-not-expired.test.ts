import check from '../../../src/checks/iam/iam-server-certificate-not-expired.ts';
import { testCheck } from '../../support/check-tester.ts';
import { iamSnapshot, serverCertificate } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const certificates = (...list: ReturnType<typeof serverCertificate>[]) =>
  iamSnapshot({ ListServerCertificates: { ServerCertificateMetadataList: list, IsTruncated: false } });
const { Expiration: _dropped, ...withoutExpiration } = serverCertificate('legacy', '2020-01-01T00:00:00Z');

testCheck(check, {
  pass: [
    {
      name: 'a certificate valid until March 2027 (the scan ran 2026-11-22)',
      snapshot: iamSnapshot(),
      message: 'www-2027 expires in 99 day(s) (2027-03-01T12:00:00Z)',
    },
  ],
  fail: [
    {
      name: 'expired two months before the scan',
      snapshot: certificates(serverCertificate('www-2026', '2026-09-22T00:00:00Z')),
      message: 'www-2026 expired 61 day(s) ago (2026-09-22T00:00:00Z): delete it',
    },
    {
      name: 'expired at the very moment of the scan',
      snapshot: certificates(serverCertificate('edge', '2026-11-22T00:00:00Z')),
      message: 'edge expired 0 day(s) ago',
    },
  ],
  unknown: [
    {
      name: 'ListServerCertificates denied: every certificate is unknown',
      snapshot: iamSnapshot({
        ListServerCertificates: awsError(
          'AccessDenied',
          'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:ListServerCertificates',
        ),
      }),
      arn: 'arn:aws:iam::123456789012:server-certificate/*',
      message: 'AccessDenied on iam:ListServerCertificates',
    },
    {
      name: 'a certificate without Expiration',
      snapshot: certificates(withoutExpiration as ReturnType<typeof serverCertificate>),
      message: 'legacy has no Expiration in ListServerCertificates',
    },
  ],
});
