import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'iam-user-console-mfa',
  aliases: ['IAM.5', 'AVD-AWS-0145'],
  service: 'iam',
  resource: 'iam-user',
  severity: 'high',
  title: 'IAM users with a console password have MFA',
  description:
    'A console password alone is one phishing page away from an attacker. Every IAM user who can sign in to the console should have an MFA device (CIS 1.10, FSBP IAM.5). The credential report says whether each user has a password and an active MFA device.',
  remediation: {
    terraform: `# Virtual MFA devices need the user to enrol them; enforce MFA with a policy that denies everything else without it:
data "aws_iam_policy_document" "require_mfa" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice", "iam:GetUser", "sts:GetSessionToken"]
    resources   = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}`,
    cli: `aws iam create-virtual-mfa-device --virtual-mfa-device-name USER --outfile USER-qr.png --bootstrap-method QRCodePNG
aws iam enable-mfa-device --user-name USER --serial-number arn:aws:iam::ACCOUNT_ID:mfa/USER --authentication-code1 123456 --authentication-code2 789012`,
    console:
      'IAM console > Users > USER > Security credentials > Multi-factor authentication (MFA) > Assign MFA device > follow the steps (or remove the console password if the user does not need one).',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-5',
  ],
  needs: ['iam:GetCredentialReport'],
  triggers: ['CreateLoginProfile', 'EnableMFADevice', 'DeactivateMFADevice'],
  evaluate(user) {
    if (!user.passwordEnabled) return pass(`${user.name} has no console password`);
    return user.mfaActive
      ? pass(`${user.name} has a console password and an active MFA device`)
      : fail(`${user.name} has a console password and no MFA device`);
  },
});
