import check from '../../../src/checks/rds/rds-cluster-snapshot-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { REGION } from './rds-builders.ts';
import { clusterSnapshotArn, clusterSnapshotsSnapshot, dbClusterSnapshot, denied } from './rds-snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'encrypted with a KMS key',
      snapshot: clusterSnapshotsSnapshot([dbClusterSnapshot('aurora-manual')]),
      message: 'aurora-manual is encrypted at rest',
    },
  ],
  fail: [
    {
      name: 'a manual snapshot of an unencrypted cluster',
      snapshot: clusterSnapshotsSnapshot([
        dbClusterSnapshot('plain-manual', { StorageEncrypted: false, KmsKeyId: undefined }),
      ]),
      message: 'plain-manual (manual, of orders-aurora) is not encrypted at rest',
    },
  ],
  unknown: [
    {
      name: "DescribeDBClusterSnapshots denied: the region's cluster snapshots are hidden",
      snapshot: snapshotOf({ rds: { [REGION]: { DescribeDBClusterSnapshots: denied('DescribeDBClusterSnapshots') } } }),
      arn: clusterSnapshotArn('*'),
      message: 'AccessDenied on rds:DescribeDBClusterSnapshots',
    },
  ],
});
