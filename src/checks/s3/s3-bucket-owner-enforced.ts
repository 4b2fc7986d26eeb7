import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 's3-bucket-owner-enforced',
  aliases: ['S3.12'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'medium',
  title: 'S3 bucket has ACLs disabled (Object Ownership: BucketOwnerEnforced)',
  description:
    'With Object Ownership set to BucketOwnerEnforced, S3 ignores every bucket and object ACL and the bucket owner owns every object, so access is decided by policies alone and an uploader cannot make an object public (or unreadable to you) with an ACL. New buckets get this setting since April 2023; older buckets, and buckets without ownership controls, still honour ACLs. Before switching, move any access an ACL grants into the bucket policy (for server access logs: allow `logging.s3.amazonaws.com` instead of the LogDelivery group).',
  remediation: {
    terraform: `resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}`,
    cli: "aws s3api put-bucket-ownership-controls --bucket BUCKET --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'",
    console:
      'S3 console > Buckets > BUCKET > Permissions > Object Ownership > Edit > ACLs disabled (recommended) > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-12',
  ],
  needs: ['s3:GetBucketOwnershipControls'],
  triggers: ['PutBucketOwnershipControls', 'DeleteBucketOwnershipControls'],
  evaluate(bucket) {
    const ownership = known(bucket.ownership);
    if (ownership === 'BucketOwnerEnforced') return pass('ACLs are disabled (BucketOwnerEnforced)');
    if (ownership === null) {
      return fail(
        'no ownership controls (OwnershipControlsNotFoundError): ACLs are enabled and uploaders own their objects (ObjectWriter)',
      );
    }
    return fail(`ACLs are enabled (Object Ownership: ${ownership})`);
  },
});
