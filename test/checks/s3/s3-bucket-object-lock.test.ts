import check from '../../../src/checks/s3/s3-bucket-object-lock.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, onlyBucket } from '../../support/snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'enabled with default retention in days',
      snapshot: onlyBucket({
        GetObjectLockConfiguration: {
          ObjectLockConfiguration: {
            ObjectLockEnabled: 'Enabled',
            Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } },
          },
        },
      }),
      message: 'GOVERNANCE for 30 days',
    },
    {
      name: 'enabled with default retention in years',
      snapshot: onlyBucket({
        GetObjectLockConfiguration: {
          ObjectLockConfiguration: {
            ObjectLockEnabled: 'Enabled',
            Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 7 } },
          },
        },
      }),
      message: 'COMPLIANCE for 7 years',
    },
    {
      name: 'enabled without default retention',
      snapshot: onlyBucket({
        GetObjectLockConfiguration: { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } },
      }),
      message: 'no default retention',
    },
  ],
  fail: [
    {
      name: 'ObjectLockConfigurationNotFoundError',
      snapshot: onlyBucket({ GetObjectLockConfiguration: awsError('ObjectLockConfigurationNotFoundError') }),
      message: 'not enabled',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: onlyBucket({ GetObjectLockConfiguration: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetObjectLockConfiguration',
    },
    {
      name: 'not collected',
      snapshot: onlyBucket({ GetObjectLockConfiguration: undefined }),
      message: 'not collected',
    },
  ],
});
