import check from '../../../src/checks/s3/s3-bucket-lifecycle-configured.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, onlyBucket } from '../../support/snapshot-builders.ts';

const expireAfter90Days = { ID: 'expire', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 90 } };
const noncurrentTransition = {
  ID: 'archive-noncurrent',
  Status: 'Enabled',
  Filter: {},
  NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: 'GLACIER' }],
};

testCheck(check, {
  pass: [
    {
      name: 'versioned bucket with a noncurrent-version expiration (hardened default)',
      snapshot: onlyBucket({}),
      message: '1 enabled lifecycle rule',
    },
    {
      name: 'versioned bucket with a noncurrent-version transition',
      snapshot: onlyBucket({ GetBucketLifecycleConfiguration: { Rules: [expireAfter90Days, noncurrentTransition] } }),
      message: '2 enabled lifecycle rules',
    },
    {
      name: 'unversioned bucket with an expiration rule',
      snapshot: onlyBucket({
        GetBucketVersioning: {},
        GetBucketLifecycleConfiguration: { Rules: [expireAfter90Days] },
      }),
    },
  ],
  fail: [
    {
      name: 'NoSuchLifecycleConfiguration',
      snapshot: onlyBucket({ GetBucketLifecycleConfiguration: awsError('NoSuchLifecycleConfiguration') }),
      message: 'no lifecycle configuration',
    },
    {
      name: 'only Disabled rules',
      snapshot: onlyBucket({
        GetBucketLifecycleConfiguration: { Rules: [{ ...noncurrentTransition, Status: 'Disabled' }] },
      }),
      message: 'Disabled',
    },
    {
      name: 'versioned bucket without a noncurrent-version rule (S3.10)',
      snapshot: onlyBucket({ GetBucketLifecycleConfiguration: { Rules: [expireAfter90Days] } }),
      message: 'versioning is Enabled but no enabled lifecycle rule expires or transitions noncurrent versions',
    },
    {
      name: 'suspended versioning still keeps old versions',
      snapshot: onlyBucket({
        GetBucketVersioning: { Status: 'Suspended' },
        GetBucketLifecycleConfiguration: { Rules: [expireAfter90Days] },
      }),
      message: 'Suspended',
    },
    {
      name: 'the noncurrent rule is Disabled',
      snapshot: onlyBucket({
        GetBucketLifecycleConfiguration: {
          Rules: [expireAfter90Days, { ...noncurrentTransition, Status: 'Disabled' }],
        },
      }),
      message: 'noncurrent',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied on the lifecycle',
      snapshot: onlyBucket({ GetBucketLifecycleConfiguration: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketLifecycleConfiguration',
    },
    {
      name: 'versioning not collected (needed for S3.10)',
      snapshot: onlyBucket({ GetBucketVersioning: undefined }),
      message: 's3:GetBucketVersioning was not collected',
    },
  ],
});
