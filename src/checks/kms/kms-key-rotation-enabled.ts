import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'kms-key-rotation-enabled',
  aliases: ['KMS.4', 'AVD-AWS-0065'],
  service: 'kms',
  resource: 'kms-key',
  severity: 'medium',
  title: 'Customer managed KMS keys rotate their key material automatically',
  description:
    'Automatic rotation gives an enabled symmetric customer managed key new key material every year (or the period you set), while old ciphertexts stay readable. It limits how much data one key version protects. Rotation does not exist for asymmetric, HMAC and imported keys, nor for disabled ones: those pass with the reason (CIS 3.6 in v3.0, Security Hub KMS.4).',
  remediation: {
    terraform: `resource "aws_kms_key" "data" {
  description             = "data"
  enable_key_rotation     = true
  rotation_period_in_days = 365
}`,
    cli: 'aws kms enable-key-rotation --key-id KEY_ID --region REGION',
    console:
      'KMS console (in the region) > Customer managed keys > KEY > Key rotation > tick "Automatically rotate this KMS key every year" > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-4',
  ],
  needs: ['kms:DescribeKey', 'kms:GetKeyRotationStatus'],
  triggers: ['EnableKeyRotation', 'DisableKeyRotation', 'CreateKey'],
  evaluate(key) {
    const rotation = known(key.rotation);
    if (rotation === null)
      return inconclusive(`cannot decide: no rotation status for ${key.id}`, 'GetKeyRotationStatus gave no answer');
    if (!rotation.applicable) return pass(`rotation does not apply to ${key.id}: ${rotation.why}`);
    if (!rotation.enabled) return fail(`automatic rotation is off for key ${key.id}`);
    return pass(
      `key ${key.id} rotates automatically${rotation.periodDays ? ` every ${rotation.periodDays} days` : ''}`,
    );
  },
});
