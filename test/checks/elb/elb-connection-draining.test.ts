import check from '../../../src/checks/elb/elb-connection-draining.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ATTRIBUTE_UNKNOWNS, attributes, clb, oneClb } from './elb-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'draining on',
      snapshot: oneClb(clb('web'), { attributes: attributes() }),
      message: 'web drains connections (timeout 300 s)',
    },
  ],
  fail: [
    {
      name: 'draining off',
      snapshot: oneClb(clb('web'), {
        attributes: attributes({ ConnectionDraining: { Enabled: false, Timeout: 300 } }),
      }),
      message: 'web has connection draining off',
    },
  ],
  unknown: ATTRIBUTE_UNKNOWNS,
});
