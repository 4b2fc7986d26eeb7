import check from '../../../src/checks/cloudtrail/cloudtrail-bucket-not-public-and-logged.ts';
import { testCheck } from '../../support/check-tester.ts';
import { cloudtrailSnapshot } from '../../support/cloudtrail-builders.ts';
import { awsError, hardenedBucket, policy } from '../../support/snapshot-builders.ts';

const BUCKET = 'org-cloudtrail-logs';
const withBucket = (overrides: Parameters<typeof hardenedBucket>[1]) =>
  cloudtrailSnapshot({ buckets: { [BUCKET]: hardenedBucket(BUCKET, overrides) } });

testCheck(check, {
  pass: [
    {
      name: 'hardened trail bucket in the account',
      snapshot: withBucket({}),
      message: 'is not public and has access logging',
    },
  ],
  fail: [
    { name: 'no access logging', snapshot: withBucket({ GetBucketLogging: {} }), message: `bucket ${BUCKET}` },
    {
      name: 'public read policy',
      snapshot: withBucket({
        GetBucketPolicy: policy({
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${BUCKET}/*`,
        }),
        GetBucketPolicyStatus: { PolicyStatus: { IsPublic: true } },
        GetPublicAccessBlock: awsError('NoSuchPublicAccessBlockConfiguration'),
      }),
      message: 'public',
    },
  ],
  unknown: [
    {
      name: 'bucket in another account (central log archive)',
      snapshot: cloudtrailSnapshot({ buckets: {} }),
      message: 'is not in this account',
    },
    { name: 'S3 not collected', snapshot: cloudtrailSnapshot(), message: 'scan S3 too' },
    {
      name: 'bucket logging unreadable',
      snapshot: withBucket({ GetBucketLogging: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketLogging',
    },
  ],
});
