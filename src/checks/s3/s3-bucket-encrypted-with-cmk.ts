import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { defaultEncryptionRule, describeAlgorithm, KMS_ALGORITHMS, kmsKeyOf } from './default-encryption.ts';

export default defineCheck({
  id: 's3-bucket-encrypted-with-cmk',
  aliases: ['AVD-AWS-0132', 'S3.17'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'high',
  title: 'S3 bucket encrypts by default with a customer managed KMS key',
  description:
    'With SSE-KMS (or DSSE-KMS) and a customer managed key, reading an object also needs kms:Decrypt on a key whose policy you control, every use of the key is logged in CloudTrail, and disabling the key cuts off access at once. SSE-S3 (AES256) and the AWS managed key `aws/s3` protect the disks but give none of that control. A default rule with `aws:kms` and no KMSMasterKeyID (or `alias/aws/...`) uses the AWS managed key and fails. A key given by ARN or id is taken as customer managed: telling it apart from the ARN of `aws/s3` needs kms:DescribeKey, which is not part of the snapshot. A bucket that receives server access logs needs a key policy that lets `logging.s3.amazonaws.com` use the key.',
  remediation: {
    terraform: `resource "aws_kms_key" "s3" {
  description         = "default encryption for S3 buckets"
  enable_key_rotation = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
    bucket_key_enabled = true
  }
}`,
    cli: `aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration \\
  '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID"},"BucketKeyEnabled":true}]}'`,
    console:
      'S3 console > Buckets > BUCKET > Properties > Default encryption > Edit > Server-side encryption with AWS Key Management Service keys (SSE-KMS) > Choose from your AWS KMS keys > pick a customer managed key (not aws/s3) > Bucket Key: Enable > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
    'https://avd.aquasec.com/misconfig/avd-aws-0132',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-17',
  ],
  needs: ['s3:GetBucketEncryption'],
  triggers: ['PutBucketEncryption', 'DeleteBucketEncryption'],
  evaluate(bucket) {
    const rule = defaultEncryptionRule(known(bucket.encryption));
    if (!rule) return fail('no default encryption rule: new objects get SSE-S3, not a customer managed key');
    if (!KMS_ALGORITHMS.includes(rule.sseAlgorithm)) {
      return fail(`default encryption is ${describeAlgorithm(rule.sseAlgorithm)}, not a customer managed KMS key`);
    }
    const { keyId, awsManaged } = kmsKeyOf(rule);
    if (awsManaged) {
      return fail(
        `default encryption is ${describeAlgorithm(rule.sseAlgorithm)} with the AWS managed key ${keyId ?? '(no KMSMasterKeyID: aws/s3)'}, not a customer managed key`,
      );
    }
    return pass(`default encryption is ${describeAlgorithm(rule.sseAlgorithm)} with key ${keyId}`);
  },
});
