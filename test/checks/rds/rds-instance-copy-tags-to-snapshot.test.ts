import check from '../../../src/checks/rds/rds-instance-copy-tags-to-snapshot.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED, DENIED_ARN, dbInstance, rdsSnapshot } from './rds-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'the hardened instance',
      snapshot: rdsSnapshot(dbInstance('orders')),
      message: 'copies its tags to snapshots',
    },
  ],
  fail: [
    {
      name: 'the setting is off',
      snapshot: rdsSnapshot(dbInstance('orders', { CopyTagsToSnapshot: false })),
      message: 'does not copy its tags',
    },
  ],
  unknown: [
    {
      name: "an Aurora member: the cluster's setting decides",
      snapshot: rdsSnapshot(
        dbInstance('aurora-1', {
          Engine: 'aurora-postgresql',
          DBClusterIdentifier: 'orders',
          CopyTagsToSnapshot: false,
        }),
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
