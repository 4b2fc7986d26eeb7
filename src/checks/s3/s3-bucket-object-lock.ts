import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 's3-bucket-object-lock',
  aliases: ['S3.15'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'low',
  title: 'S3 bucket has Object Lock enabled',
  description:
    'Object Lock stores objects write-once-read-many: a locked version cannot be deleted or overwritten until its retention ends (COMPLIANCE mode: not even by the root user), which protects backups, logs and audit evidence against ransomware and insiders. It needs versioning and suits only data that must be kept; this is an informative finding for other buckets. Object Lock can be enabled on existing buckets.',
  remediation: {
    terraform: `resource "aws_s3_bucket" "this" {
  bucket              = "BUCKET"
  object_lock_enabled = true
}

resource "aws_s3_bucket_object_lock_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 30
    }
  }
}`,
    cli: `# versioning must be Enabled first
aws s3api put-object-lock-configuration --bucket BUCKET \\
  --object-lock-configuration '{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"GOVERNANCE","Days":30}}}'`,
    console:
      'S3 console > Buckets > BUCKET > Properties > Object Lock > Edit > Enable, acknowledge, optionally set a default retention mode and period > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-15',
  ],
  needs: ['s3:GetObjectLockConfiguration'],
  triggers: ['PutObjectLockConfiguration', 'CreateBucket'],
  evaluate(bucket) {
    const lock = known(bucket.objectLock);
    if (!lock?.enabled) return fail('Object Lock is not enabled');
    const retention = lock.defaultRetention;
    if (!retention?.mode)
      return pass('Object Lock is enabled (no default retention: only versions locked explicitly are protected)');
    const period = retention.years !== undefined ? `${retention.years} years` : `${retention.days ?? '?'} days`;
    return pass(`Object Lock is enabled with default retention ${retention.mode} for ${period}`);
  },
});
