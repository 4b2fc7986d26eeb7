import check from '../../../src/checks/rds/rds-instance-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED, DENIED_ARN, dbInstance, rdsSnapshot } from './rds-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'the hardened instance',
      snapshot: rdsSnapshot(dbInstance('orders')),
      message: 'is not publicly accessible',
    },
  ],
  fail: [
    {
      name: 'the setting is off',
      snapshot: rdsSnapshot(dbInstance('orders', { PubliclyAccessible: true })),
      message: 'publicly accessible: its endpoint resolves',
    },
  ],
  unknown: [
    {
      name: "DescribeDBInstances denied: the region's instances are hidden",
      snapshot: DENIED,
      arn: DENIED_ARN,
      message: 'AccessDenied on rds:DescribeDBInstances',
    },
  ],
});
