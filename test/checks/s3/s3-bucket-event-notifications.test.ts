import check from '../../../src/checks/s3/s3-bucket-event-notifications.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, onlyBucket } from '../../support/snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'EventBridge',
      snapshot: onlyBucket({ GetBucketNotificationConfiguration: { EventBridgeConfiguration: {} } }),
      message: 'EventBridge',
    },
    {
      name: 'SNS topic and Lambda function',
      snapshot: onlyBucket({
        GetBucketNotificationConfiguration: {
          TopicConfigurations: [
            {
              Id: 'uploads',
              TopicArn: 'arn:aws:sns:ap-northeast-1:123456789012:uploads',
              Events: ['s3:ObjectCreated:*'],
            },
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
      snapshot: onlyBucket({
        GetBucketNotificationConfiguration: {
          QueueConfigurations: [
            { Id: 'q', QueueArn: 'arn:aws:sqs:ap-northeast-1:123456789012:deletes', Events: ['s3:ObjectRemoved:*'] },
          ],
        },
      }),
      message: 'SQS (1)',
    },
  ],
  fail: [
    {
      name: 'nothing configured (AWS answers an empty body)',
      snapshot: onlyBucket({ GetBucketNotificationConfiguration: {} }),
      message: 'no event notifications',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: onlyBucket({ GetBucketNotificationConfiguration: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketNotificationConfiguration',
    },
    {
      name: 'not collected',
      snapshot: onlyBucket({ GetBucketNotificationConfiguration: undefined }),
      message: 'not collected',
    },
  ],
});
