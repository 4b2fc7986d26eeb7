import check from '../../../src/checks/elb/elb-listeners-use-acm-certificates.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clb, http, https, IAM_CERT, LISTING_DENIED, oneClb } from './elb-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'an ACM certificate',
      snapshot: oneClb(clb('web')),
      message: 'every HTTPS/SSL listener of web uses an ACM certificate',
    },
    {
      name: 'no HTTPS/SSL listener',
      snapshot: oneClb(clb('web', [http()])),
      message: 'web has no HTTPS or SSL listener',
    },
  ],
  fail: [
    {
      name: 'an IAM server certificate',
      snapshot: oneClb(clb('web', [https(IAM_CERT)])),
      message: `serves a certificate not from ACM on port 443 (${IAM_CERT})`,
    },
  ],
  unknown: [LISTING_DENIED],
});
