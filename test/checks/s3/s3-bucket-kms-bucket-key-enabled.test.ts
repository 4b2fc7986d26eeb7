import check from '../../../src/checks/s3/s3-bucket-kms-bucket-key-enabled.ts';
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
    { name: 'SSE-KMS with a Bucket Key', snapshot: only({ GetBucketEncryption: sseKmsEncryption(CUSTOMER_KEY_ARN, { bucketKey: true }) }), message: 'with an S3 Bucket Key' },
    { name: 'SSE-S3: not applicable', snapshot: only({ GetBucketEncryption: sseS3Encryption() }), message: 'not applicable' },
    {
      name: 'DSSE-KMS (no Bucket Key support): not applicable',
      snapshot: only({ GetBucketEncryption: sseKmsEncryption(CUSTOMER_KEY_ARN, { algorithm: 'aws:kms:dsse', bucketKey: false }) }),
      message: 'not applicable',
    },
    {
      name: 'no default encryption: not applicable',
      snapshot: only({ GetBucketEncryption: awsError('ServerSideEncryptionConfigurationNotFoundError') }),
      message: 'not applicable',
    },
  ],
  fail: [
    { name: 'SSE-KMS, BucketKeyEnabled false', snapshot: only({ GetBucketEncryption: sseKmsEncryption(CUSTOMER_KEY_ARN, { bucketKey: false }) }), message: 'without an S3 Bucket Key' },
    {
      name: 'SSE-KMS, BucketKeyEnabled omitted',
      snapshot: only({
        GetBucketEncryption: { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } },
      }),
    },
  ],
  unknown: [
    { name: 'AccessDenied', snapshot: only({ GetBucketEncryption: awsError('AccessDenied') }), message: 'AccessDenied on s3:GetBucketEncryption' },
    { name: 'not collected', snapshot: only({ GetBucketEncryption: undefined }), message: 'not collected' },
  ],
});
