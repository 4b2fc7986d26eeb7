import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 's3-bucket-mfa-delete-enabled',
  aliases: ['AVD-AWS-0170', 'S3.20'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'low',
  title: 'S3 bucket requires MFA to delete object versions',
  description:
    "With MFA delete, permanently deleting an object version or changing the bucket's versioning state needs the root user's MFA code, so stolen access keys alone cannot destroy the version history. MFA delete needs versioning, can only be turned on by the root user through the API or CLI, and makes routine version clean-up a root-only task: many teams accept this finding and rely on Object Lock or replication instead.",
  remediation: {
    terraform: `# apply with the root user's credentials: only the root user can change MFA delete
resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  mfa    = "arn:aws:iam::ACCOUNT_ID:mfa/root-account-mfa-device 123456"
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Enabled"
  }
}`,
    cli: `# run with the root user's credentials; the last argument is the device ARN, a space, and the current MFA code
aws s3api put-bucket-versioning --bucket BUCKET \\
  --versioning-configuration Status=Enabled,MFADelete=Enabled \\
  --mfa "arn:aws:iam::ACCOUNT_ID:mfa/root-account-mfa-device 123456"`,
    console:
      'The console cannot enable MFA delete: use the AWS CLI step as the root user. Afterwards S3 console > Buckets > BUCKET > Properties > Bucket Versioning shows "Multi-factor authentication (MFA) delete: Enabled".',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html',
    'https://avd.aquasec.com/misconfig/avd-aws-0170',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-20',
  ],
  needs: ['s3:GetBucketVersioning'],
  triggers: ['PutBucketVersioning'],
  evaluate(bucket) {
    const versioning = known(bucket.versioning);
    if (versioning?.mfaDelete === 'Enabled') return pass('MFA delete is Enabled');
    if (versioning?.status !== 'Enabled') {
      return fail(
        `MFA delete is off and versioning is ${versioning?.status ?? 'not enabled'}: enable versioning, then MFA delete (root user only)`,
      );
    }
    return fail('MFA delete is off: stolen credentials can permanently delete object versions');
  },
});
