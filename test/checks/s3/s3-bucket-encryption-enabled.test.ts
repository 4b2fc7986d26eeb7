import check from '../../../src/checks/s3/s3-bucket-encryption-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  awsError,
  CUSTOMER_KEY_ARN,
  hardenedBucket,
  snapshotWith,
  sseKmsEncryption,
  sseS3Encryption,
} from '../../support/snapshot-builders.ts';

const only = (overrides: Parameters<typeof hardenedBucket>[1]) => snapshotWith({ b: hardenedBucket('b', overrides) });

testCheck(check, {
  pass: [
    { name: 'SSE-S3 (AES256), with the 2023 note', snapshot: only({ GetBucketEncryption: sseS3Encryption() }), message: 'since January 2023' },
    { name: 'SSE-KMS', snapshot: only({ GetBucketEncryption: sseKmsEncryption(CUSTOMER_KEY_ARN) }), message: 'SSE-KMS (aws:kms)' },
  ],
  fail: [
    {
      name: 'ServerSideEncryptionConfigurationNotFoundError',
      snapshot: only({ GetBucketEncryption: awsError('ServerSideEncryptionConfigurationNotFoundError') }),
      message: 'no default encryption configured',
    },
    {
      name: 'a configuration without a default rule',
      snapshot: only({ GetBucketEncryption: { ServerSideEncryptionConfiguration: { Rules: [{ BucketKeyEnabled: true }] } } }),
      message: 'no default encryption rule',
    },
  ],
  unknown: [
    { name: 'AccessDenied', snapshot: only({ GetBucketEncryption: awsError('AccessDenied') }), message: 'AccessDenied on s3:GetBucketEncryption' },
    { name: 'throttled after retries', snapshot: only({ GetBucketEncryption: awsError('SlowDown', 'Please reduce your request rate.') }), message: 'SlowDown' },
    { name: 'not collected', snapshot: only({ GetBucketEncryption: undefined }), message: 'not collected' },
  ],
});
