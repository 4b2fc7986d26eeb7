import check from '../../../src/checks/rds/rds-cluster-snapshot-not-public.ts';
import { describe, expect, it } from 'vitest';
import { resourcesOf } from '../../../src/model/account-state.ts';
import { normalise } from '../../../src/model/normalise.ts';
import { testCheck } from '../../support/check-tester.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { REGION } from './rds-builders.ts';
import {
  clusterSnapshotArn,
  clusterSnapshotsSnapshot,
  dbClusterSnapshot,
  dbClusterSnapshotAttributes,
  denied,
} from './rds-snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'a manual cluster snapshot shared with nobody',
      snapshot: clusterSnapshotsSnapshot([dbClusterSnapshot('aurora-manual')], {
        'aurora-manual': dbClusterSnapshotAttributes('aurora-manual', []),
      }),
      message: 'aurora-manual is private',
    },
    {
      name: 'an automated cluster snapshot',
      snapshot: clusterSnapshotsSnapshot([
        dbClusterSnapshot('rds:orders-aurora-2026-12-05-03-15', { SnapshotType: 'automated' }),
      ]),
      message: 'which RDS does not let anyone share',
    },
  ],
  fail: [
    {
      name: 'restore attribute holds all',
      snapshot: clusterSnapshotsSnapshot([dbClusterSnapshot('aurora-manual')], {
        'aurora-manual': dbClusterSnapshotAttributes('aurora-manual', ['all']),
      }),
      message: 'can be copied or restored by any AWS account',
    },
  ],
  unknown: [
    {
      name: 'the attributes call was not collected',
      snapshot: clusterSnapshotsSnapshot([dbClusterSnapshot('aurora-manual')]),
      message: 'rds:DescribeDBClusterSnapshotAttributes was not collected',
    },
    {
      name: "DescribeDBClusterSnapshots denied: the region's cluster snapshots are hidden",
      snapshot: snapshotOf({ rds: { [REGION]: { DescribeDBClusterSnapshots: denied('DescribeDBClusterSnapshots') } } }),
      arn: clusterSnapshotArn('*'),
      message: 'AccessDenied on rds:DescribeDBClusterSnapshots',
    },
  ],
});

describe('cluster snapshots of other engines', () => {
  it("leaves DocumentDB's and Neptune's to their services", () => {
    const snapshot = clusterSnapshotsSnapshot(
      [
        dbClusterSnapshot('aurora-manual'),
        dbClusterSnapshot('catalogue-manual', { Engine: 'docdb', DBClusterIdentifier: 'catalogue' }),
        dbClusterSnapshot('graph-manual', { Engine: 'neptune', DBClusterIdentifier: 'graph' }),
      ],
      { 'aurora-manual': dbClusterSnapshotAttributes('aurora-manual', []) },
    );
    const found = resourcesOf(normalise(snapshot), 'rds-cluster-snapshot', 'rds');
    expect(found.map((s) => s.arn)).toEqual([clusterSnapshotArn('aurora-manual')]);
  });
});
