import check from '../../../src/checks/elbv2/elbv2-multiple-az.ts';
import { testCheck } from '../../support/check-tester.ts';
import { lb, LISTING_DENIED, oneLb } from './elbv2-builders.ts';

testCheck(check, {
  pass: [
    { name: 'an ALB in two zones', snapshot: oneLb(lb('web')), message: 'spans ap-northeast-1a, ap-northeast-1c' },
  ],
  fail: [
    {
      name: 'an NLB in one zone',
      snapshot: oneLb(lb('tcp', 'network', ['a'])),
      message: 'network load balancer tcp is in one Availability Zone only (ap-northeast-1a)',
    },
  ],
  unknown: [LISTING_DENIED],
});
