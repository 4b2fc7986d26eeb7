import check from '../../../src/checks/acm/acm-certificate-rsa-key-size.ts';
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

const withKey = (key: string | undefined) =>
  oneCertificate('www.example.com', describeCertificate('www.example.com', { KeyAlgorithm: key }));

testCheck(check, {
  pass: [
    { name: 'RSA-2048', snapshot: withKey('RSA-2048'), message: 'www.example.com has a 2048-bit RSA key' },
    { name: 'RSA-4096', snapshot: withKey('RSA-4096'), message: 'has a 4096-bit RSA key' },
    {
      name: 'ECDSA P-256',
      snapshot: withKey('EC-prime256v1'),
      message: 'www.example.com has an elliptic-curve key (EC-prime256v1)',
    },
  ],
  fail: [
    {
      name: 'an imported RSA-1024 certificate',
      snapshot: withKey('RSA-1024'),
      arn: certificateArn(CERT_ID),
      message: 'www.example.com has a 1024-bit RSA key (under 2048)',
    },
  ],
  unknown: [
    { name: 'no KeyAlgorithm', snapshot: withKey(undefined), message: 'gave no KeyAlgorithm' },
    {
      name: 'DescribeCertificate denied',
      snapshot: oneCertificate('www.example.com', DESCRIBE_DENIED),
      message: 'AccessDeniedException on acm:DescribeCertificate',
    },
    {
      name: "ListCertificates denied: the region's certificates are hidden",
      snapshot: LIST_DENIED,
      arn: DENIED_ARN,
      message: 'AccessDeniedException on acm:ListCertificates',
    },
  ],
});
