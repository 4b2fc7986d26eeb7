import check from '../../../src/checks/s3/s3-bucket-versioning-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, onlyBucket } from '../../support/snapshot-builders.ts';

testCheck(check, {
  pass: [{ name: 'Enabled', snapshot: onlyBucket({ GetBucketVersioning: { Status: 'Enabled' } }), message: 'Enabled' }],
  fail: [
    { name: 'never enabled (empty response)', snapshot: onlyBucket({ GetBucketVersioning: {} }), message: 'never' },
    { name: 'Suspended', snapshot: onlyBucket({ GetBucketVersioning: { Status: 'Suspended' } }), message: 'Suspended' },
  ],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: onlyBucket({ GetBucketVersioning: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketVersioning',
    },
    { name: 'not collected', snapshot: onlyBucket({ GetBucketVersioning: undefined }), message: 'not collected' },
  ],
});
