import check from '../../../src/checks/s3/s3-bucket-encrypted-with-cmk.ts';
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
      name: 'SSE-KMS with a customer key ARN',
      snapshot: onlyBucket({ GetBucketEncryption: sseKmsEncryption(CUSTOMER_KEY_ARN) }),
      message: CUSTOMER_KEY_ARN,
    },
    {
      name: 'DSSE-KMS with a customer key alias',
      snapshot: onlyBucket({
        GetBucketEncryption: sseKmsEncryption('alias/data-lake', { algorithm: 'aws:kms:dsse', bucketKey: false }),
      }),
      message: 'DSSE-KMS',
    },
    {
      name: 'key in another account (central key)',
      snapshot: onlyBucket({
        GetBucketEncryption: sseKmsEncryption(
          'arn:aws:kms:ap-northeast-1:210987654321:key/0f0e0d0c-0000-1111-2222-333344445555',
        ),
      }),
    },
  ],
  fail: [
    {
      name: 'SSE-S3 (AES256), the default',
      snapshot: onlyBucket({ GetBucketEncryption: sseS3Encryption() }),
      message: 'SSE-S3 (AES256)',
    },
    {
      name: 'aws:kms without a key id (aws/s3)',
      snapshot: onlyBucket({ GetBucketEncryption: sseKmsEncryption(undefined) }),
      message: 'AWS managed key',
    },
    {
      name: 'aws:kms with alias/aws/s3',
      snapshot: onlyBucket({ GetBucketEncryption: sseKmsEncryption('alias/aws/s3') }),
      message: 'alias/aws/s3',
    },
    {
      name: 'aws:kms with the aws/s3 alias ARN',
      snapshot: onlyBucket({
        GetBucketEncryption: sseKmsEncryption('arn:aws:kms:ap-northeast-1:123456789012:alias/aws/s3'),
      }),
      message: 'AWS managed key',
    },
    {
      name: 'no default encryption configured',
      snapshot: onlyBucket({ GetBucketEncryption: awsError('ServerSideEncryptionConfigurationNotFoundError') }),
      message: 'no default encryption rule',
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
