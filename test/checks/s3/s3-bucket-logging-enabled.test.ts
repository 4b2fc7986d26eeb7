import check from '../../../src/checks/s3/s3-bucket-logging-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, onlyBucket } from '../../support/snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'logs to a separate bucket',
      snapshot: onlyBucket({
        GetBucketLogging: { LoggingEnabled: { TargetBucket: 'central-access-logs', TargetPrefix: 'b/' } },
      }),
      message: 's3://central-access-logs/b/',
    },
    {
      name: 'logs to itself (still logging, with a warning)',
      snapshot: onlyBucket({ GetBucketLogging: { LoggingEnabled: { TargetBucket: 'b', TargetPrefix: 'logs/' } } }),
      message: 'the bucket itself',
    },
  ],
  fail: [
    { name: 'logging off (empty response)', snapshot: onlyBucket({ GetBucketLogging: {} }), message: 'CloudTrail' },
  ],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: onlyBucket({ GetBucketLogging: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketLogging',
    },
    { name: 'not collected', snapshot: onlyBucket({ GetBucketLogging: undefined }), message: 'not collected' },
    {
      name: 'unreadable: points at CloudTrail data events as the other evidence',
      snapshot: onlyBucket({ GetBucketLogging: awsError('AccessDenied') }),
      message: 'CloudTrail data events',
    },
  ],
});
