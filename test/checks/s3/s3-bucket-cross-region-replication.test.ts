import check from '../../../src/checks/s3/s3-bucket-cross-region-replication.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, hardenedBucket, snapshotWith } from '../../support/snapshot-builders.ts';

const SOURCE = 'arn:aws:s3:::src';
const replicationTo = (destination: string, status = 'Enabled') => ({
  ReplicationConfiguration: {
    Role: 'arn:aws:iam::123456789012:role/s3-replication',
    Rules: [
      {
        ID: 'dr',
        Priority: 1,
        Status: status,
        Filter: {},
        DeleteMarkerReplication: { Status: 'Enabled' },
        Destination: { Bucket: `arn:aws:s3:::${destination}`, StorageClass: 'STANDARD' },
      },
    ],
  },
});
/** A source in ap-northeast-1 replicating to `destination`, which the snapshot holds in `region`. */
const pair = (destination: string, region: string, status = 'Enabled') =>
  snapshotWith({
    src: hardenedBucket('src', { GetBucketReplication: replicationTo(destination, status) }),
    [destination]: hardenedBucket(destination, {
      Region: region,
      GetBucketReplication: awsError('ReplicationConfigurationNotFoundError'),
    }),
  });
const only = (overrides: Parameters<typeof hardenedBucket>[1]) =>
  snapshotWith({ src: hardenedBucket('src', overrides) });

testCheck(check, {
  pass: [
    {
      name: 'destination in another region of the account',
      snapshot: pair('src-dr', 'ap-northeast-3'),
      arn: SOURCE,
      message: 'arn:aws:s3:::src-dr (ap-northeast-3)',
    },
    {
      name: 'destination outside the snapshot (another account)',
      snapshot: only({ GetBucketReplication: replicationTo('vault-in-backup-account') }),
      message: 'vault-in-backup-account',
    },
  ],
  fail: [
    {
      name: 'ReplicationConfigurationNotFoundError',
      snapshot: only({ GetBucketReplication: awsError('ReplicationConfigurationNotFoundError') }),
      message: 'no replication configured',
    },
    {
      name: 'only a Disabled rule',
      snapshot: only({ GetBucketReplication: replicationTo('elsewhere', 'Disabled') }),
      message: 'no enabled replication rule',
    },
    {
      name: 'same-region replication',
      snapshot: pair('src-copy', 'ap-northeast-1'),
      arn: SOURCE,
      message: 'same-region',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: only({ GetBucketReplication: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketReplication',
    },
    { name: 'not collected', snapshot: only({ GetBucketReplication: undefined }), message: 'not collected' },
  ],
});
