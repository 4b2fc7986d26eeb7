import check from '../../../src/checks/elb/elb-access-logging.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ATTRIBUTE_UNKNOWNS, attributes, clb, oneClb } from './elb-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'access logs on',
      snapshot: oneClb(clb('web'), { attributes: attributes() }),
      message: 'web writes access logs to s3://example-lb-logs',
    },
  ],
  fail: [
    {
      name: 'access logs off (the default)',
      snapshot: oneClb(clb('web'), { attributes: attributes({ AccessLog: { Enabled: false } }) }),
      message: 'web has access logging off',
    },
  ],
  unknown: ATTRIBUTE_UNKNOWNS,
});
