import check from '../../../src/checks/elb/elb-listeners-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clb, http, https, LISTING_DENIED, oneClb } from './elb-builders.ts';

const ssl = {
  Listener: {
    Protocol: 'SSL',
    LoadBalancerPort: 8443,
    InstanceProtocol: 'TCP',
    InstancePort: 8080,
    SSLCertificateId: 'arn:aws:acm:ap-northeast-1:123456789012:certificate/12345678-1234-1234-1234-123456789012',
  },
  PolicyNames: ['ELBSecurityPolicy-TLS-1-2-2017-01'],
};

testCheck(check, {
  pass: [
    {
      name: 'HTTPS and SSL listeners only',
      snapshot: oneClb(clb('web', [https(), ssl])),
      message: 'every listener of web terminates TLS (HTTPS 443, SSL 8443)',
    },
  ],
  fail: [
    {
      name: 'an HTTP listener beside HTTPS',
      snapshot: oneClb(clb('web', [http(), https()])),
      message: 'web has unencrypted listeners: HTTP 80',
    },
  ],
  unknown: [LISTING_DENIED],
});
