import check from '../../../src/checks/rds/rds-instance-deletion-protection.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED, DENIED_ARN, dbInstance, rdsSnapshot } from './rds-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'the hardened instance',
      snapshot: rdsSnapshot(dbInstance('orders')),
      message: 'has deletion protection enabled',
    },
  ],
  fail: [
    {
      name: 'the setting is off',
      snapshot: rdsSnapshot(dbInstance('orders', { DeletionProtection: false })),
      message: 'can be deleted without first turning deletion protection off',
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
