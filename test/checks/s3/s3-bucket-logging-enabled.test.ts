import check from '../../../src/checks/s3/s3-bucket-logging-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, hardenedBucket, snapshotWith } from '../../support/snapshot-builders.ts';

const only = (overrides: Parameters<typeof hardenedBucket>[1]) => snapshotWith({ b: hardenedBucket('b', overrides) });

testCheck(check, {
  pass: [
    {
      name: 'logs to a separate bucket',
      snapshot: only({ GetBucketLogging: { LoggingEnabled: { TargetBucket: 'central-access-logs', TargetPrefix: 'b/' } } }),
      message: 's3://central-access-logs/b/',
    },
    {
      name: 'logs to itself (still logging, with a warning)',
      snapshot: only({ GetBucketLogging: { LoggingEnabled: { TargetBucket: 'b', TargetPrefix: 'logs/' } } }),
      message: 'the bucket itself',
    },
  ],
  fail: [{ name: 'logging off (empty response)', snapshot: only({ GetBucketLogging: {} }), message: 'CloudTrail' }],
  unknown: [
    { name: 'AccessDenied', snapshot: only({ GetBucketLogging: awsError('AccessDenied') }), message: 'AccessDenied on s3:GetBucketLogging' },
    { name: 'not collected', snapshot: only({ GetBucketLogging: undefined }), message: 'not collected' },
    {
      name: 'unreadable: points at CloudTrail data events as the other evidence',
      snapshot: only({ GetBucketLogging: awsError('AccessDenied') }),
      message: 'CloudTrail data events',
    },
  ],
});
