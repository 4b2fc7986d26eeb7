import check from '../../../src/checks/cloudfront/cloudfront-distribution-tls-policy.ts';
import { testCheck } from '../../support/check-tester.ts';
import { cloudfrontSnapshot, DEFAULT_CERTIFICATE, distribution } from '../../support/cloudfront-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const ID = 'E2QWRUHAPOMQZL';
const withPolicy = (MinimumProtocolVersion: string | undefined) => {
  const { ViewerCertificate } = distribution(ID);
  return cloudfrontSnapshot([
    distribution(ID, { ViewerCertificate: { ...ViewerCertificate, MinimumProtocolVersion } }),
  ]);
};

testCheck(check, {
  pass: [
    {
      name: 'a custom certificate with TLSv1.2_2021',
      snapshot: cloudfrontSnapshot([distribution(ID)]),
      message: `distribution ${ID} (e2qwruhapomqzl.example.com) uses security policy TLSv1.2_2021`,
    },
    { name: 'TLSv1.3_2025', snapshot: withPolicy('TLSv1.3_2025'), message: 'uses security policy TLSv1.3_2025' },
    {
      name: 'the *.cloudfront.net certificate (CloudFront fixes TLSv1)',
      snapshot: cloudfrontSnapshot([
        distribution(ID, { ViewerCertificate: DEFAULT_CERTIFICATE, Aliases: { Quantity: 0 } }),
      ]),
      message: 'uses the *.cloudfront.net certificate, whose security policy CloudFront fixes',
    },
  ],
  fail: [
    {
      name: 'TLSv1.2_2019 (no longer recommended)',
      snapshot: withPolicy('TLSv1.2_2019'),
      message: 'uses security policy TLSv1.2_2019, older than TLSv1.2_2021',
    },
    {
      name: 'TLSv1 on a custom certificate',
      snapshot: withPolicy('TLSv1'),
      message: 'uses security policy TLSv1, older than TLSv1.2_2021',
    },
  ],
  unknown: [
    {
      name: 'a custom certificate without MinimumProtocolVersion',
      snapshot: withPolicy(undefined),
      message: 'ListDistributions gave no ViewerCertificate.MinimumProtocolVersion',
    },
    {
      name: 'ListDistributions denied',
      snapshot: cloudfrontSnapshot(
        awsError('AccessDenied', 'User is not authorized to perform: cloudfront:ListDistributions'),
      ),
      arn: 'arn:aws:cloudfront::123456789012:distribution/*',
      message: 'AccessDenied on cloudfront:ListDistributions',
    },
  ],
});
