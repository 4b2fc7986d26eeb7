import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'cloudtrail-kms-encryption',
  aliases: ['CloudTrail.2', 'AVD-AWS-0015'],
  service: 'cloudtrail',
  resource: 'cloudtrail-trail',
  severity: 'medium',
  title: 'CloudTrail trail encrypts its logs with a KMS key',
  description:
    'Log files are SSE-S3 encrypted by default, which anyone who can read the bucket can decrypt. SSE-KMS with a customer managed key adds a second permission (kms:Decrypt) and an audit record of every read of the logs (CIS AWS 3.5 in v3.0).',
  remediation: {
    terraform: `resource "aws_cloudtrail" "main" {
  # ...
  kms_key_id = aws_kms_key.trail.arn  # key policy must allow cloudtrail.amazonaws.com to GenerateDataKey*
}`,
    cli: 'aws cloudtrail update-trail --name TRAIL --kms-key-id arn:aws:kms:REGION:ACCOUNT:key/KEY_ID',
    console:
      'CloudTrail console > Trails > TRAIL > General details > Edit > Log file SSE-KMS encryption: Enabled > choose or create the key > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
  ],
  needs: ['cloudtrail:DescribeTrails'],
  triggers: ['CreateTrail', 'UpdateTrail'],
  evaluate(trail) {
    return trail.kmsKeyId
      ? pass(`logs are encrypted with ${trail.kmsKeyId}`)
      : fail(`${trail.name} logs are not encrypted with a KMS key (SSE-S3 only)`);
  },
});
