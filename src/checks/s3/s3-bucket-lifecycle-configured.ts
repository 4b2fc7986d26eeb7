import type { LifecycleRule } from '../../services/s3/model.ts';
import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

function expiresNoncurrentVersions(rule: LifecycleRule): boolean {
  return rule.noncurrentVersionExpirationDays !== undefined || rule.noncurrentVersionTransitions > 0;
}

export default defineCheck({
  id: 's3-bucket-lifecycle-configured',
  aliases: ['S3.13', 'S3.10'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'low',
  title: 'S3 bucket has an enabled lifecycle configuration (with a noncurrent-version rule when versioned)',
  description:
    'Lifecycle rules expire or move data nobody needs any more, which limits what a leak can expose and what storage costs. A versioned bucket keeps every overwritten or deleted version forever unless a rule expires or transitions noncurrent versions (Security Hub S3.10). Only rules with Status Enabled count.',
  remediation: {
    terraform: `resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    id     = "expire-noncurrent-versions"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = 90
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}`,
    cli: `# replaces the whole lifecycle configuration: include the rules the bucket already has
aws s3api put-bucket-lifecycle-configuration --bucket BUCKET --lifecycle-configuration \\
  '{"Rules":[{"ID":"expire-noncurrent-versions","Status":"Enabled","Filter":{},"NoncurrentVersionExpiration":{"NoncurrentDays":90},"AbortIncompleteMultipartUpload":{"DaysAfterInitiation":7}}]}'`,
    console:
      'S3 console > Buckets > BUCKET > Management > Lifecycle rules > Create lifecycle rule: apply to all objects, choose "Permanently delete noncurrent versions of objects" (and the expirations or transitions your data needs) > Create rule.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-13',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-10',
  ],
  needs: ['s3:GetBucketLifecycleConfiguration', 's3:GetBucketVersioning'],
  triggers: ['PutBucketLifecycle', 'DeleteBucketLifecycle', 'PutBucketVersioning'],
  evaluate(bucket) {
    const rules = known(bucket.lifecycle);
    if (rules === null || rules.length === 0) return fail('no lifecycle configuration');
    const enabled = rules.filter((r) => r.status === 'Enabled');
    if (enabled.length === 0) return fail(`all ${rules.length} lifecycle rules are Disabled`);
    const versioning = known(bucket.versioning)?.status;
    // Suspended versioning still keeps the versions written while it was Enabled.
    if ((versioning === 'Enabled' || versioning === 'Suspended') && !enabled.some(expiresNoncurrentVersions)) {
      return fail(
        `versioning is ${versioning} but no enabled lifecycle rule expires or transitions noncurrent versions`,
      );
    }
    return pass(`${enabled.length} enabled lifecycle rule${enabled.length === 1 ? '' : 's'}`);
  },
});
