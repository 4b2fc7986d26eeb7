import check from '../../../src/checks/rds/rds-instance-backups-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED, DENIED_ARN, dbInstance, rdsSnapshot } from './rds-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'the hardened instance',
      snapshot: rdsSnapshot(dbInstance('orders')),
      message: 'keeps automated backups for 7 days',
    },
  ],
  fail: [
    {
      name: 'the setting is off',
      snapshot: rdsSnapshot(dbInstance('orders', { BackupRetentionPeriod: 0 })),
      message: 'has automated backups turned off',
    },
    {
      name: 'backups kept for 1 day only',
      snapshot: rdsSnapshot(dbInstance('orders', { BackupRetentionPeriod: 1 })),
      message: 'for 1 day(s), fewer than 7',
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
