import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { evaluateOn } from '../engine.ts';
import bucketAclNotPublic from '../s3/s3-bucket-acl-not-public.ts';
import bucketLoggingEnabled from '../s3/s3-bucket-logging-enabled.ts';
import bucketPolicyNotPublic from '../s3/s3-bucket-policy-not-public.ts';

/** The S3 checks whose verdicts on the trail's bucket decide this one. */
const BUCKET_CHECKS = [bucketPolicyNotPublic, bucketAclNotPublic, bucketLoggingEnabled];

export default defineCheck({
  id: 'cloudtrail-bucket-not-public-and-logged',
  aliases: ['CloudTrail.6', 'CloudTrail.7', 'AVD-AWS-0161', 'AVD-AWS-0163'],
  service: 'cloudtrail',
  resource: 'cloudtrail-trail',
  severity: 'high',
  title: "CloudTrail trail's bucket is not public and has access logging",
  description:
    "The bucket that holds the trail's log files must not be readable by everyone (the logs describe the whole account) and should have server access logging, so reads and deletions of the logs are themselves recorded (CIS AWS 3.3 and 3.6 in older versions). The bucket is judged with the same S3 checks a bucket scan runs; a bucket in another account (a central log archive) cannot be judged from this account's snapshot and is `unknown`.",
  remediation: {
    terraform: `resource "aws_s3_bucket_public_access_block" "trail" {
  bucket                  = aws_s3_bucket.trail.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "trail/"
}`,
    cli: `aws s3api put-public-access-block --bucket TRAIL_BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
aws s3api put-bucket-logging --bucket TRAIL_BUCKET --bucket-logging-status '{"LoggingEnabled":{"TargetBucket":"ACCESS_LOG_BUCKET","TargetPrefix":"trail/"}}'`,
    console:
      'S3 console > Buckets > TRAIL_BUCKET > Permissions > Block public access > Edit > block all; Properties > Server access logging > Edit > Enable > target bucket > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
  ],
  needs: ['cloudtrail:DescribeTrails'],
  triggers: [
    'CreateTrail',
    'UpdateTrail',
    'PutBucketPolicy',
    'PutBucketAcl',
    'PutBucketLogging',
    'DeletePublicAccessBlock',
  ],
  evaluate(trail, { state }) {
    if (!trail.s3BucketName)
      return inconclusive('the trail names no bucket', 'DescribeTrails returned no S3BucketName');
    const bucket = state.s3.buckets.find((b) => b.name === trail.s3BucketName);
    if (!bucket) {
      const why = state.collectedServices.includes('s3')
        ? 'is not in this account (or was not collected)'
        : 'was not collected (scan S3 too)';
      return inconclusive(
        `cannot judge bucket ${trail.s3BucketName}`,
        `the trail's bucket ${trail.s3BucketName} ${why}`,
      );
    }
    const verdicts = BUCKET_CHECKS.map((check) => ({ check, verdict: evaluateOn(check, bucket, state) }));
    const failed = verdicts.filter((v) => v.verdict.status === 'fail');
    if (failed.length > 0) return fail(`bucket ${bucket.name}: ${failed.map((v) => v.verdict.message).join('; ')}`);
    const unknown = verdicts.filter((v) => v.verdict.status === 'unknown');
    if (unknown.length > 0) {
      return inconclusive(
        `cannot fully judge bucket ${bucket.name}`,
        unknown.map((v) => `${v.check.id}: ${v.verdict.message}`).join('; '),
      );
    }
    return pass(`bucket ${bucket.name} is not public and has access logging`);
  },
});
