import check from '../../../src/checks/elb/elb-cross-zone-load-balancing.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ATTRIBUTE_UNKNOWNS, attributes, clb, oneClb } from './elb-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'cross-zone on',
      snapshot: oneClb(clb('web'), { attributes: attributes() }),
      message: 'web balances across Availability Zones',
    },
  ],
  fail: [
    {
      name: 'cross-zone off (API default)',
      snapshot: oneClb(clb('web'), { attributes: attributes({ CrossZoneLoadBalancing: { Enabled: false } }) }),
      message: 'web has cross-zone load balancing off',
    },
  ],
  unknown: ATTRIBUTE_UNKNOWNS,
});
