import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { ec2SettingsOf } from './settings.ts';

export default defineCheck({
  id: 'ec2-ebs-default-encryption',
  aliases: ['EC2.7'],
  service: 'ec2',
  resource: 'region',
  severity: 'medium',
  title: 'Region encrypts new EBS volumes by default',
  description:
    'EBS encryption by default is a per-region account setting. When it is off, any volume or snapshot copy created without asking for encryption is stored unencrypted, and snapshots of it can be shared in the clear (CIS AWS 2.2.1).',
  remediation: {
    terraform: `resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}`,
    cli: 'aws ec2 enable-ebs-encryption-by-default --region REGION',
    console:
      'EC2 console (in each region) > Dashboard > Account attributes > Data protection and security > EBS encryption > Manage > Enable > Update EBS encryption.',
  },
  references: [
    'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-7',
  ],
  needs: ['ec2:GetEbsEncryptionByDefault'],
  triggers: ['EnableEbsEncryptionByDefault', 'DisableEbsEncryptionByDefault'],
  evaluate(region, { state }) {
    const enabled = known(ec2SettingsOf(state, region).ebsEncryptionByDefault);
    return enabled
      ? pass(`new EBS volumes in ${region.region} are encrypted by default`)
      : fail(`EBS encryption by default is off in ${region.region}`);
  },
});
