import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'efs-file-system-encrypted',
  aliases: ['EFS.1', 'AVD-AWS-0037', 'efs_encryption_at_rest_enabled'],
  service: 'efs',
  resource: 'efs-file-system',
  severity: 'medium',
  title: 'EFS file systems encrypt their data at rest',
  description:
    'Encryption at rest (KMS) covers the file data and metadata an EFS file system stores. It can only be chosen when the file system is created: an unencrypted one is moved by copying its data (AWS DataSync or AWS Backup restore) into a new, encrypted file system. Security Hub EFS.1; CIS v5.0 2.3.1 (v3.0 2.4.1).',
  remediation: {
    terraform: `resource "aws_efs_file_system" "this" {
  # ...
  encrypted  = true
  kms_key_id = aws_kms_key.efs.arn
}`,
    cli: `aws efs create-file-system --encrypted --kms-key-id alias/aws/elasticfilesystem --performance-mode generalPurpose --region REGION
# then copy the data (AWS DataSync) and move the mount targets' clients to the new file system`,
    console:
      'EFS console (in the region) > Create file system > Customize > Enable encryption of data at rest > Create; copy the data over with DataSync, then delete the unencrypted file system.',
  },
  references: [
    'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-1',
  ],
  needs: ['efs:DescribeFileSystems'],
  triggers: ['CreateFileSystem'],
  evaluate(fs) {
    const label = fs.name ? `${fs.id} (${fs.name})` : fs.id;
    if (fs.encrypted) return pass(`${label} encrypts its data at rest${fs.kmsKeyId ? ` with ${fs.kmsKeyId}` : ''}`);
    return fail(`${label} does not encrypt its data at rest`);
  },
});
