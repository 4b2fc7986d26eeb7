import check from '../../../src/checks/rds/rds-snapshot-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { awsError } from '../../support/snapshot-builders.ts';
import { REGION } from './rds-builders.ts';
import { dbSnapshot, dbSnapshotAttributes, denied, snapshotArn, snapshotsSnapshot } from './rds-snapshot-builders.ts';

const AUTOMATED = 'rds:orders-2026-12-05-03-10';

testCheck(check, {
  pass: [
    {
      name: 'a manual snapshot shared with nobody',
      snapshot: snapshotsSnapshot([dbSnapshot('orders-manual')], {
        'orders-manual': dbSnapshotAttributes('orders-manual', []),
      }),
      message: 'orders-manual is private',
    },
    {
      name: 'shared with one named account',
      snapshot: snapshotsSnapshot([dbSnapshot('orders-manual')], {
        'orders-manual': dbSnapshotAttributes('orders-manual', ['210987654321']),
      }),
      message: 'private, shared with 210987654321',
    },
    {
      name: 'an automated snapshot: never asked, cannot be shared',
      snapshot: snapshotsSnapshot([dbSnapshot(AUTOMATED, { SnapshotType: 'automated' })]),
      message: 'which RDS does not let anyone share',
    },
  ],
  fail: [
    {
      name: 'restore attribute holds all',
      snapshot: snapshotsSnapshot([dbSnapshot('orders-manual')], {
        'orders-manual': dbSnapshotAttributes('orders-manual', ['all']),
      }),
      message: 'can be copied or restored by any AWS account',
    },
  ],
  unknown: [
    {
      name: 'the attributes call denied',
      snapshot: snapshotsSnapshot([dbSnapshot('orders-manual')], {
        'orders-manual': denied('DescribeDBSnapshotAttributes'),
      }),
      message: 'AccessDenied on rds:DescribeDBSnapshotAttributes',
    },
    {
      name: "DescribeDBSnapshots denied: the region's snapshots are hidden",
      snapshot: snapshotOf({ rds: { [REGION]: { DescribeDBSnapshots: denied('DescribeDBSnapshots') } } }),
      arn: snapshotArn('*'),
      message: 'AccessDenied on rds:DescribeDBSnapshots',
    },
  ],
});

// a snapshot deleted between the listing and its attributes call is left out rather than judged
testCheck(
  { ...check, id: `${check.id} (deleted meanwhile)` },
  {
    pass: [
      {
        name: 'the remaining snapshot is judged alone',
        snapshot: snapshotsSnapshot([dbSnapshot('gone'), dbSnapshot('kept')], {
          gone: awsError('DBSnapshotNotFound', 'DBSnapshot gone not found.'),
          kept: dbSnapshotAttributes('kept', []),
        }),
        message: 'kept is private',
      },
    ],
    fail: [
      {
        name: 'and a public one still fails',
        snapshot: snapshotsSnapshot([dbSnapshot('gone'), dbSnapshot('open')], {
          gone: awsError('DBSnapshotNotFoundFault', 'DBSnapshot gone not found.'),
          open: dbSnapshotAttributes('open', ['all']),
        }),
        message: 'open can be copied or restored by any AWS account',
      },
    ],
    unknown: [
      {
        name: 'and another error is still unknown',
        snapshot: snapshotsSnapshot([dbSnapshot('gone'), dbSnapshot('slow')], {
          gone: awsError('DBSnapshotNotFound', 'DBSnapshot gone not found.'),
          slow: awsError('Throttling', 'Rate exceeded'),
        }),
        message: 'Throttling on rds:DescribeDBSnapshotAttributes',
      },
    ],
  },
);
