import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'ec2-ebs-volume-encrypted',
  aliases: ['EC2.3', 'ec2_ebs_volume_encryption'],
  service: 'ec2',
  resource: 'ec2-volume',
  severity: 'medium',
  title: 'EBS volumes are encrypted at rest',
  description:
    "Encryption (KMS) covers a volume's data at rest, the data moving between it and its instance, and every snapshot taken of it. It is chosen when the volume is created: an unencrypted volume is replaced by one created from an encrypted copy of its snapshot. Security Hub EC2.3 judges attached volumes; this check judges every volume the account owns, attached or not, and says which instances use it. Turning on EBS encryption by default (ec2-ebs-default-encryption) keeps new volumes encrypted.",
  remediation: {
    terraform: `resource "aws_ebs_volume" "this" {
  # ...
  encrypted  = true
  kms_key_id = aws_kms_key.ebs.arn
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}`,
    cli: `aws ec2 create-snapshot --volume-id VOLUME_ID --region REGION
aws ec2 copy-snapshot --source-snapshot-id SNAPSHOT_ID --source-region REGION --encrypted --kms-key-id alias/aws/ebs --region REGION
aws ec2 create-volume --snapshot-id ENCRYPTED_SNAPSHOT_ID --availability-zone AZ --region REGION
# stop the instance, detach the old volume, attach the new one on the same device, start it`,
    console:
      'EC2 console (in the region) > Volumes > VOLUME > Actions > Create snapshot; Snapshots > Copy snapshot > Encrypt this snapshot; then Create volume from the copy and swap it in on the instance.',
  },
  references: [
    'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-3',
  ],
  needs: ['ec2:DescribeVolumes'],
  triggers: ['CreateVolume', 'AttachVolume'],
  evaluate(volume) {
    const where = volume.attachedTo.length > 0 ? ` (attached to ${volume.attachedTo.join(', ')})` : ' (not attached)';
    if (volume.encrypted)
      return pass(`${volume.id} is encrypted${volume.kmsKeyId ? ` with ${volume.kmsKeyId}` : ''}${where}`);
    return fail(`${volume.id} is not encrypted${where}`);
  },
});
