import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 's3-bucket-logging-enabled',
  aliases: ['AVD-AWS-0089', 'S3.9'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'medium',
  title: 'S3 bucket has server access logging enabled',
  description:
    'Server access logs record every request made to the bucket (requester, operation, key, response), which is what an investigation needs after a leak. Object-level CloudTrail data events for the bucket serve the same purpose: a bucket covered by a trail that logs S3 data events can accept this finding. The log destination should be another bucket, not the bucket itself.',
  remediation: {
    terraform: `resource "aws_s3_bucket_logging" "this" {
  bucket        = aws_s3_bucket.this.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "\${aws_s3_bucket.this.id}/"
}`,
    cli: `aws s3api put-bucket-logging --bucket BUCKET \\
  --bucket-logging-status '{"LoggingEnabled":{"TargetBucket":"LOG_BUCKET","TargetPrefix":"BUCKET/"}}'`,
    console:
      'S3 console > Buckets > BUCKET > Properties > Server access logging > Edit > Enable, choose a destination bucket (not BUCKET itself) and a prefix > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html',
    'https://avd.aquasec.com/misconfig/avd-aws-0089',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-9',
  ],
  needs: ['s3:GetBucketLogging'],
  unknownHint:
    'object-level CloudTrail data events for the bucket also satisfy this control: check the trail event selectors',
  triggers: ['PutBucketLogging'],
  evaluate(bucket) {
    const logging = known(bucket.logging);
    if (!logging?.targetBucket) {
      return fail(
        'server access logging is off (if a CloudTrail trail logs S3 data events for this bucket, that covers the same need: accept the finding)',
      );
    }
    const destination = `s3://${logging.targetBucket}/${logging.targetPrefix ?? ''}`;
    if (logging.targetBucket === bucket.name) {
      return pass(
        `server access logs go to ${destination}, the bucket itself: every log delivery writes more logs; prefer a separate log bucket`,
      );
    }
    return pass(`server access logs go to ${destination}`);
  },
});
