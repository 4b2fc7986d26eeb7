import check from '../../../src/checks/elb/elb-multiple-az.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clb, LISTING_DENIED, oneClb } from './elb-builders.ts';

testCheck(check, {
  pass: [{ name: 'two zones', snapshot: oneClb(clb('web')), message: 'web spans ap-northeast-1a, ap-northeast-1c' }],
  fail: [
    {
      name: 'one zone',
      snapshot: oneClb(clb('web', undefined, ['a'])),
      message: 'web is in one Availability Zone only (ap-northeast-1a)',
    },
  ],
  unknown: [LISTING_DENIED],
});
