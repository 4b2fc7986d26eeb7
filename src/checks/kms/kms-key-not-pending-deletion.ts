import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'kms-key-not-pending-deletion',
  aliases: ['KMS.3', 'kms_cmk_not_deleted_unintentionally'],
  service: 'kms',
  resource: 'kms-key',
  severity: 'critical',
  title: 'Customer managed KMS keys are not scheduled for deletion',
  description:
    'Deleting a KMS key makes every ciphertext encrypted under it unrecoverable: EBS snapshots, S3 objects, database backups. KMS waits 7 to 30 days (KeyState PendingDeletion) before it deletes; the check fails during that window so the deletion can still be cancelled if it was not intended (Security Hub KMS.3).',
  remediation: {
    terraform: `# a key Terraform manages is scheduled for deletion by "terraform destroy" or by removing the resource;
# keep it with a lifecycle rule while data depends on it
resource "aws_kms_key" "this" {
  # ...
  deletion_window_in_days = 30
  lifecycle {
    prevent_destroy = true
  }
}`,
    cli: 'aws kms cancel-key-deletion --key-id KEY_ID --region REGION && aws kms enable-key --key-id KEY_ID --region REGION',
    console:
      'KMS console (in the region) > Customer managed keys > KEY > Key actions > Cancel key deletion, then Key actions > Enable.',
  },
  references: [
    'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-3',
  ],
  needs: ['kms:DescribeKey'],
  triggers: ['ScheduleKeyDeletion', 'CancelKeyDeletion'],
  evaluate(key) {
    const metadata = known(key.metadata);
    if (metadata?.keyState === 'PendingDeletion')
      return fail(
        `key ${key.id} is scheduled for deletion${metadata.deletionDate ? ` on ${metadata.deletionDate.slice(0, 10)}` : ''}: data encrypted under it becomes unrecoverable`,
      );
    return pass(`key ${key.id} is not scheduled for deletion (${metadata?.keyState ?? 'no key state'})`);
  },
});
