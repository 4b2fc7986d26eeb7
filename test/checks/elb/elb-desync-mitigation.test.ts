import check from '../../../src/checks/elb/elb-desync-mitigation.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ATTRIBUTE_UNKNOWNS, attributes, clb, oneClb } from './elb-builders.ts';

const mode = (Value: string) => attributes({ AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value }] });

testCheck(check, {
  pass: [
    {
      name: 'defensive',
      snapshot: oneClb(clb('web'), { attributes: mode('defensive') }),
      message: 'web uses the defensive desync mitigation mode',
    },
    { name: 'strictest', snapshot: oneClb(clb('web'), { attributes: mode('strictest') }), message: 'strictest' },
  ],
  fail: [
    {
      name: 'monitor',
      snapshot: oneClb(clb('web'), { attributes: mode('monitor') }),
      message: 'web uses the monitor desync mitigation mode',
    },
  ],
  unknown: [
    ...ATTRIBUTE_UNKNOWNS,
    {
      name: 'the attribute is not in AdditionalAttributes',
      snapshot: oneClb(clb('web'), { attributes: attributes({ AdditionalAttributes: [] }) }),
      message: 'no elb.http.desyncmitigationmode',
    },
  ],
});
