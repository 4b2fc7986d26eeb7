import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 's3-bucket-versioning-enabled',
  aliases: ['AVD-AWS-0090', 'S3.14'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'medium',
  title: 'S3 bucket has versioning enabled',
  description:
    'Versioning keeps every version of every object, so data overwritten or deleted by mistake, by a bug or by ransomware can be restored. A bucket whose versioning was never enabled or is Suspended keeps only the latest version.',
  remediation: {
    terraform: `resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
    cli: 'aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled',
    console: 'S3 console > Buckets > BUCKET > Properties > Bucket Versioning > Edit > Enable > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
    'https://avd.aquasec.com/misconfig/avd-aws-0090',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-14',
  ],
  needs: ['s3:GetBucketVersioning'],
  triggers: ['PutBucketVersioning'],
  evaluate(bucket) {
    const versioning = known(bucket.versioning);
    if (versioning?.status === 'Enabled') return pass('versioning is Enabled');
    if (versioning?.status === 'Suspended')
      return fail('versioning is Suspended: new writes keep no previous versions');
    return fail('versioning has never been enabled');
  },
});
