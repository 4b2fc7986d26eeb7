import check from '../../../src/checks/s3/s3-bucket-mfa-delete-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, hardenedBucket, snapshotWith } from '../../support/snapshot-builders.ts';

const only = (overrides: Parameters<typeof hardenedBucket>[1]) => snapshotWith({ b: hardenedBucket('b', overrides) });

testCheck(check, {
  pass: [
    { name: 'versioning and MFA delete Enabled', snapshot: only({ GetBucketVersioning: { Status: 'Enabled', MFADelete: 'Enabled' } }), message: 'MFA delete is Enabled' },
  ],
  fail: [
    { name: 'MFADelete Disabled', snapshot: only({ GetBucketVersioning: { Status: 'Enabled', MFADelete: 'Disabled' } }), message: 'MFA delete is off' },
    { name: 'versioning Enabled, MFADelete never set (field absent)', snapshot: only({ GetBucketVersioning: { Status: 'Enabled' } }), message: 'stolen credentials' },
    { name: 'versioning never enabled (empty response)', snapshot: only({ GetBucketVersioning: {} }), message: 'versioning is not enabled' },
    { name: 'versioning Suspended', snapshot: only({ GetBucketVersioning: { Status: 'Suspended', MFADelete: 'Disabled' } }), message: 'versioning is Suspended' },
  ],
  unknown: [
    { name: 'AccessDenied', snapshot: only({ GetBucketVersioning: awsError('AccessDenied') }), message: 'AccessDenied on s3:GetBucketVersioning' },
    { name: 'not collected', snapshot: only({ GetBucketVersioning: undefined }), message: 's3:GetBucketVersioning was not collected' },
  ],
});
