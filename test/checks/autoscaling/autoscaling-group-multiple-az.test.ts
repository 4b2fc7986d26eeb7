import check from '../../../src/checks/autoscaling/autoscaling-group-multiple-az.ts';
import { testCheck } from '../../support/check-tester.ts';
import { group, GROUPS_DENIED, groups } from './autoscaling-builders.ts';

testCheck(check, {
  pass: [{ name: 'two zones', snapshot: groups(group('web')), message: 'web spans ap-northeast-1a, ap-northeast-1c' }],
  fail: [
    {
      name: 'one zone',
      snapshot: groups(group('web', { AvailabilityZones: ['ap-northeast-1a'] })),
      message: 'web is in one Availability Zone only (ap-northeast-1a)',
    },
  ],
  unknown: [GROUPS_DENIED],
});
