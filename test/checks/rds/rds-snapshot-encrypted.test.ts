import check from '../../../src/checks/rds/rds-snapshot-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { REGION } from './rds-builders.ts';
import { dbSnapshot, denied, snapshotArn, snapshotsSnapshot } from './rds-snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'encrypted with a KMS key',
      snapshot: snapshotsSnapshot([dbSnapshot('orders-manual')]),
      message: 'orders-manual is encrypted at rest with arn:aws:kms:',
    },
  ],
  fail: [
    {
      name: 'an automated snapshot of an unencrypted instance',
      snapshot: snapshotsSnapshot([
        dbSnapshot('rds:legacy-2026-12-05-03-10', {
          SnapshotType: 'automated',
          DBInstanceIdentifier: 'legacy',
          Encrypted: false,
          KmsKeyId: undefined,
        }),
      ]),
      message: 'rds:legacy-2026-12-05-03-10 (automated, of legacy) is not encrypted at rest',
    },
  ],
  unknown: [
    {
      name: "DescribeDBSnapshots denied: the region's snapshots are hidden",
      snapshot: snapshotOf({ rds: { [REGION]: { DescribeDBSnapshots: denied('DescribeDBSnapshots') } } }),
      arn: snapshotArn('*'),
      message: 'AccessDenied on rds:DescribeDBSnapshots',
    },
  ],
});
