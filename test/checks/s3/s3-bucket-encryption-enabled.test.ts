import check from '../../../src/checks/s3/s3-bucket-encryption-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  awsError,
  CUSTOMER_KEY_ARN,
  onlyBucket,
  sseKmsEncryption,
  sseS3Encryption,
} from '../../support/snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'SSE-S3 (AES256), with the 2023 note',
      snapshot: onlyBucket({ GetBucketEncryption: sseS3Encryption() }),
      message: 'since January 2023',
    },
    {
      name: 'SSE-KMS',
      snapshot: onlyBucket({ GetBucketEncryption: sseKmsEncryption(CUSTOMER_KEY_ARN) }),
      message: 'SSE-KMS (aws:kms)',
    },
  ],
  fail: [
    {
      name: 'ServerSideEncryptionConfigurationNotFoundError',
      snapshot: onlyBucket({ GetBucketEncryption: awsError('ServerSideEncryptionConfigurationNotFoundError') }),
      message: 'no default encryption configured',
    },
    {
      name: 'a configuration without a default rule',
      snapshot: onlyBucket({
        GetBucketEncryption: { ServerSideEncryptionConfiguration: { Rules: [{ BucketKeyEnabled: true }] } },
      }),
      message: 'no default encryption rule',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: onlyBucket({ GetBucketEncryption: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketEncryption',
    },
    {
      name: 'throttled after retries',
      snapshot: onlyBucket({ GetBucketEncryption: awsError('SlowDown', 'Please reduce your request rate.') }),
      message: 'SlowDown',
    },
    { name: 'not collected', snapshot: onlyBucket({ GetBucketEncryption: undefined }), message: 'not collected' },
  ],
});
