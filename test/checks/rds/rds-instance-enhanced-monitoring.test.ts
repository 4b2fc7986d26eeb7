import check from '../../../src/checks/rds/rds-instance-enhanced-monitoring.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED, DENIED_ARN, dbInstance, rdsSnapshot } from './rds-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'every 60 seconds',
      snapshot: rdsSnapshot(dbInstance('orders')),
      message: 'Enhanced Monitoring every 60 seconds',
    },
    {
      name: 'every second',
      snapshot: rdsSnapshot(
        dbInstance('orders', {
          MonitoringInterval: 1,
          MonitoringRoleArn: 'arn:aws:iam::123456789012:role/rds-monitoring-role',
        }),
      ),
      message: 'every 1 seconds',
    },
  ],
  fail: [
    {
      name: 'MonitoringInterval 0',
      snapshot: rdsSnapshot(dbInstance('orders', { MonitoringInterval: 0 })),
      message: 'Enhanced Monitoring off',
    },
    {
      name: 'field absent (never set)',
      snapshot: rdsSnapshot(dbInstance('orders', { MonitoringInterval: undefined })),
      message: 'MonitoringInterval 0',
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
