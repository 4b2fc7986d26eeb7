import check from '../../../src/checks/elbv2/elbv2-alb-desync-mitigation.ts';
import { testCheck } from '../../support/check-tester.ts';
import { albAttributes, ATTRIBUTE_UNKNOWNS, lb, nlbAttributes, oneLb } from './elbv2-builders.ts';

const mode = (value: string) => albAttributes({ 'routing.http.desync_mitigation_mode': value });

testCheck(check, {
  pass: [
    {
      name: 'defensive (the default)',
      snapshot: oneLb(lb('web'), { attributes: mode('defensive') }),
      message: 'uses the defensive desync mitigation mode',
    },
    { name: 'strictest', snapshot: oneLb(lb('web'), { attributes: mode('strictest') }), message: 'strictest' },
    {
      name: 'a Gateway Load Balancer',
      snapshot: oneLb(lb('inspect', 'gateway'), { attributes: nlbAttributes() }),
      message: 'gateway load balancer',
    },
  ],
  fail: [
    {
      name: 'monitor',
      snapshot: oneLb(lb('web'), { attributes: mode('monitor') }),
      message: 'uses the monitor desync mitigation mode',
    },
  ],
  unknown: ATTRIBUTE_UNKNOWNS,
});
