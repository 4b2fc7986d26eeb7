import check from '../../../src/checks/s3/s3-bucket-event-notifications.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, hardenedBucket, snapshotWith } from '../../support/snapshot-builders.ts';

const only = (overrides: Parameters<typeof hardenedBucket>[1]) => snapshotWith({ b: hardenedBucket('b', overrides) });

testCheck(check, {
  pass: [
    { name: 'EventBridge', snapshot: only({ GetBucketNotificationConfiguration: { EventBridgeConfiguration: {} } }), message: 'EventBridge' },
    {
      name: 'SNS topic and Lambda function',
      snapshot: only({
        GetBucketNotificationConfiguration: {
          TopicConfigurations: [
            { Id: 'uploads', TopicArn: 'arn:aws:sns:ap-northeast-1:123456789012:uploads', Events: ['s3:ObjectCreated:*'] },
          ],
          LambdaFunctionConfigurations: [
            {
              Id: 'scan',
              LambdaFunctionArn: 'arn:aws:lambda:ap-northeast-1:123456789012:function:scan-upload',
              Events: ['s3:ObjectCreated:Put'],
            },
          ],
        },
      }),
      message: 'SNS (1), Lambda (1)',
    },
    {
      name: 'SQS queue',
      snapshot: only({
        GetBucketNotificationConfiguration: {
          QueueConfigurations: [{ Id: 'q', QueueArn: 'arn:aws:sqs:ap-northeast-1:123456789012:deletes', Events: ['s3:ObjectRemoved:*'] }],
        },
      }),
      message: 'SQS (1)',
    },
  ],
  fail: [{ name: 'nothing configured (AWS answers an empty body)', snapshot: only({ GetBucketNotificationConfiguration: {} }), message: 'no event notifications' }],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: only({ GetBucketNotificationConfiguration: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketNotificationConfiguration',
    },
    { name: 'not collected', snapshot: only({ GetBucketNotificationConfiguration: undefined }), message: 'not collected' },
  ],
});
