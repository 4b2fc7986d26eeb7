import check from '../../../src/checks/s3/s3-bucket-mfa-delete-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, onlyBucket } from '../../support/snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'versioning and MFA delete Enabled',
      snapshot: onlyBucket({ GetBucketVersioning: { Status: 'Enabled', MFADelete: 'Enabled' } }),
      message: 'MFA delete is Enabled',
    },
  ],
  fail: [
    {
      name: 'MFADelete Disabled',
      snapshot: onlyBucket({ GetBucketVersioning: { Status: 'Enabled', MFADelete: 'Disabled' } }),
      message: 'MFA delete is off',
    },
    {
      name: 'versioning Enabled, MFADelete never set (field absent)',
      snapshot: onlyBucket({ GetBucketVersioning: { Status: 'Enabled' } }),
      message: 'stolen credentials',
    },
    {
      name: 'versioning never enabled (empty response)',
      snapshot: onlyBucket({ GetBucketVersioning: {} }),
      message: 'versioning is not enabled',
    },
    {
      name: 'versioning Suspended',
      snapshot: onlyBucket({ GetBucketVersioning: { Status: 'Suspended', MFADelete: 'Disabled' } }),
      message: 'versioning is Suspended',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: onlyBucket({ GetBucketVersioning: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketVersioning',
    },
    {
      name: 'not collected',
      snapshot: onlyBucket({ GetBucketVersioning: undefined }),
      message: 's3:GetBucketVersioning was not collected',
    },
  ],
});
