import check from '../../../src/checks/rds/rds-instance-multi-az.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED, DENIED_ARN, dbInstance, rdsSnapshot } from './rds-builders.ts';

testCheck(check, {
  pass: [
    { name: 'the hardened instance', snapshot: rdsSnapshot(dbInstance('orders')), message: 'is a Multi-AZ deployment' },
  ],
  fail: [
    {
      name: 'the setting is off',
      snapshot: rdsSnapshot(dbInstance('orders', { MultiAZ: false })),
      message: 'runs in a single Availability Zone',
    },
  ],
  unknown: [
    {
      name: "an Aurora member: MultiAZ is false on the instance, availability is the cluster's",
      snapshot: rdsSnapshot(
        dbInstance('aurora-1', { Engine: 'aurora-postgresql', MultiAZ: false, DBClusterIdentifier: 'orders' }),
      ),
      message: 'member of cluster orders',
    },
    {
      name: "DescribeDBInstances denied: the region's instances are hidden",
      snapshot: DENIED,
      arn: DENIED_ARN,
      message: 'AccessDenied on rds:DescribeDBInstances',
    },
  ],
});
