import check from '../../../src/checks/s3/s3-bucket-kms-bucket-key-enabled.ts';
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
      name: 'SSE-KMS with a Bucket Key',
      snapshot: onlyBucket({ GetBucketEncryption: sseKmsEncryption(CUSTOMER_KEY_ARN, { bucketKey: true }) }),
      message: 'with an S3 Bucket Key',
    },
    {
      name: 'SSE-S3: not applicable',
      snapshot: onlyBucket({ GetBucketEncryption: sseS3Encryption() }),
      message: 'not applicable',
    },
    {
      name: 'DSSE-KMS (no Bucket Key support): not applicable',
      snapshot: onlyBucket({
        GetBucketEncryption: sseKmsEncryption(CUSTOMER_KEY_ARN, { algorithm: 'aws:kms:dsse', bucketKey: false }),
      }),
      message: 'not applicable',
    },
    {
      name: 'no default encryption: not applicable',
      snapshot: onlyBucket({ GetBucketEncryption: awsError('ServerSideEncryptionConfigurationNotFoundError') }),
      message: 'not applicable',
    },
  ],
  fail: [
    {
      name: 'SSE-KMS, BucketKeyEnabled false',
      snapshot: onlyBucket({ GetBucketEncryption: sseKmsEncryption(CUSTOMER_KEY_ARN, { bucketKey: false }) }),
      message: 'without an S3 Bucket Key',
    },
    {
      name: 'SSE-KMS, BucketKeyEnabled omitted',
      snapshot: onlyBucket({
        GetBucketEncryption: {
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
          },
        },
      }),
    },
  ],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: onlyBucket({ GetBucketEncryption: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketEncryption',
    },
    { name: 'not collected', snapshot: onlyBucket({ GetBucketEncryption: undefined }), message: 'not collected' },
  ],
});
