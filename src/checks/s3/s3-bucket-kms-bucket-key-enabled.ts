import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { defaultEncryptionRule, describeAlgorithm } from './default-encryption.ts';

export default defineCheck({
  id: 's3-bucket-kms-bucket-key-enabled',
  aliases: [],
  service: 's3',
  resource: 's3-bucket',
  severity: 'low',
  title: 'S3 bucket with SSE-KMS default encryption uses an S3 Bucket Key',
  description:
    'Without an S3 Bucket Key, every object read and write under SSE-KMS is a separate KMS request: busy buckets hit KMS request quotas (throttled reads and writes, an availability risk) and pay for every call. A Bucket Key cuts KMS requests by up to 99%. The trade-off: CloudTrail KMS events then name the bucket, not each object, in the encryption context. The check applies to `aws:kms` default encryption only; DSSE-KMS does not support Bucket Keys, and buckets without SSE-KMS pass as not applicable.',
  remediation: {
    terraform: `resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
    bucket_key_enabled = true
  }
}`,
    cli: `# keep the bucket's current key id
aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration \\
  '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"KEY_ARN"},"BucketKeyEnabled":true}]}'`,
    console:
      'S3 console > Buckets > BUCKET > Properties > Default encryption > Edit > Bucket Key: Enable > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
  ],
  needs: ['s3:GetBucketEncryption'],
  triggers: ['PutBucketEncryption', 'DeleteBucketEncryption'],
  evaluate(bucket) {
    const rule = defaultEncryptionRule(known(bucket.encryption));
    if (rule?.sseAlgorithm !== 'aws:kms') {
      return pass(
        `not applicable: default encryption is ${rule ? describeAlgorithm(rule.sseAlgorithm) : 'not SSE-KMS'}`,
      );
    }
    if (rule.bucketKeyEnabled === true) return pass('SSE-KMS with an S3 Bucket Key');
    return fail('SSE-KMS without an S3 Bucket Key: every object request is a KMS call (throttling and cost)');
  },
});
