import check from '../../../src/checks/s3/s3-bucket-versioning-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, hardenedBucket, snapshotWith } from '../../support/snapshot-builders.ts';

const only = (overrides: Parameters<typeof hardenedBucket>[1]) => snapshotWith({ b: hardenedBucket('b', overrides) });

testCheck(check, {
  pass: [{ name: 'Enabled', snapshot: only({ GetBucketVersioning: { Status: 'Enabled' } }), message: 'Enabled' }],
  fail: [
    { name: 'never enabled (empty response)', snapshot: only({ GetBucketVersioning: {} }), message: 'never' },
    { name: 'Suspended', snapshot: only({ GetBucketVersioning: { Status: 'Suspended' } }), message: 'Suspended' },
  ],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: only({ GetBucketVersioning: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketVersioning',
    },
    { name: 'not collected', snapshot: only({ GetBucketVersioning: undefined }), message: 'not collected' },
  ],
});
