import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 's3-bucket-event-notifications',
  aliases: ['S3.11'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'medium',
  title: 'S3 bucket sends event notifications',
  description:
    'Event notifications (to SNS, SQS, Lambda or EventBridge) let you react when objects are created, deleted, restored or replicated: scan uploads for malware, alert on mass deletion, keep an inventory. A bucket with none of the four configured sends nothing. Sending to EventBridge is the simplest: every rule can then filter what it needs.',
  remediation: {
    terraform: `resource "aws_s3_bucket_notification" "this" {
  bucket      = aws_s3_bucket.this.id
  eventbridge = true
}`,
    cli: `# replaces the whole notification configuration: include the destinations the bucket already has
aws s3api put-bucket-notification-configuration --bucket BUCKET --notification-configuration '{"EventBridgeConfiguration":{}}'`,
    console:
      'S3 console > Buckets > BUCKET > Properties > Amazon EventBridge > Edit > On > Save changes (or Event notifications > Create event notification for SNS, SQS or Lambda).',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-11',
  ],
  needs: ['s3:GetBucketNotificationConfiguration'],
  triggers: ['PutBucketNotification'],
  evaluate(bucket) {
    const n = known(bucket.notifications);
    const destinations = [
      n?.eventBridge ? 'EventBridge' : '',
      n?.topics ? `SNS (${n.topics})` : '',
      n?.queues ? `SQS (${n.queues})` : '',
      n?.lambdaFunctions ? `Lambda (${n.lambdaFunctions})` : '',
    ].filter((d) => d !== '');
    if (destinations.length === 0) return fail('no event notifications configured');
    return pass(`event notifications go to ${destinations.join(', ')}`);
  },
});
