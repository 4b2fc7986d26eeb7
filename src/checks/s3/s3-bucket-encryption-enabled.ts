import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { defaultEncryptionRule, describeAlgorithm } from './default-encryption.ts';

export default defineCheck({
  id: 's3-bucket-encryption-enabled',
  aliases: ['AVD-AWS-0088'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'high',
  title: 'S3 bucket has default server-side encryption',
  description:
    'Default encryption makes S3 encrypt every new object at rest, whatever the uploader asks for. Since 5 January 2023 AWS applies SSE-S3 to every bucket that has no other setting, and GetBucketEncryption reports it as an AES256 rule: this check passes on AES256 with that note, and on SSE-KMS or DSSE-KMS. Because of that change, AWS no longer answers ServerSideEncryptionConfigurationNotFoundError; that answer (a snapshot built by hand, an older snapshot, or an S3-compatible endpoint) therefore means no default encryption, and fails. Whether the key is customer managed is the separate check s3-bucket-encrypted-with-cmk.',
  remediation: {
    terraform: `resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}`,
    cli: `aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration \\
  '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}'`,
    console:
      'S3 console > Buckets > BUCKET > Properties > Default encryption > Edit > Server-side encryption with Amazon S3 managed keys (SSE-S3), or SSE-KMS for control over the key > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html',
    'https://avd.aquasec.com/misconfig/avd-aws-0088',
  ],
  needs: ['s3:GetBucketEncryption'],
  triggers: ['PutBucketEncryption', 'DeleteBucketEncryption'],
  evaluate(bucket) {
    const rules = known(bucket.encryption);
    const rule = defaultEncryptionRule(rules);
    if (rules === null) {
      return fail(
        'no default encryption configured (ServerSideEncryptionConfigurationNotFoundError); AWS has applied SSE-S3 to every bucket since January 2023, so this evidence predates that or comes from another S3 endpoint',
      );
    }
    if (!rule) return fail('the encryption configuration has no default encryption rule');
    if (rule.sseAlgorithm === 'AES256') {
      return pass('default encryption is SSE-S3 (AES256), which AWS applies to every bucket since January 2023');
    }
    return pass(`default encryption is ${describeAlgorithm(rule.sseAlgorithm)}`);
  },
});
