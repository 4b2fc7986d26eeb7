import { defineCheck, fail, pass } from '../define-check.ts';

/** The AWS managed policy in every partition (`arn:aws:`, `arn:aws-cn:`, `arn:aws-us-gov:`…). */
const CLOUDSHELL_FULL_ACCESS = /^arn:[^:]+:iam::aws:policy\/AWSCloudShellFullAccess$/;

export default defineCheck({
  id: 'iam-no-cloudshell-full-access',
  aliases: ['IAM.27', 'iam_policy_cloudshell_admin_not_attached'],
  service: 'iam',
  resource: 'iam-principal',
  severity: 'medium',
  title: 'No user or role has AWSCloudShellFullAccess, directly or through a group',
  description:
    'AWSCloudShellFullAccess gives full use of AWS CloudShell: uploading and downloading files between the browser and the shell, where the user has sudo and internet access. With it anyone can install transfer tools and move data out of the account past the controls on other paths (CIS AWS 1.22 in v3.0, 1.21 in v5.0; Security Hub IAM.27). GetAccountAuthorizationDetails lists the managed policies attached to every user, group and role: a user or role that has the policy, attached to it or to one of its groups, fails (a group without members grants it to nobody and is reported on its first member). Grant a narrower CloudShell policy (without cloudshell:GetFileDownloadUrls and cloudshell:GetFileUploadUrls) instead.',
  remediation: {
    terraform: `# Remove aws_iam_*_policy_attachment resources with
#   policy_arn = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"
# and attach a narrower policy, e.g. one that denies file transfer:
data "aws_iam_policy_document" "cloudshell_no_transfer" {
  statement {
    actions   = ["cloudshell:*"]
    resources = ["*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["cloudshell:GetFileDownloadUrls", "cloudshell:GetFileUploadUrls"]
    resources = ["*"]
  }
}`,
    cli: `aws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess
aws iam detach-user-policy --user-name USER --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess
aws iam detach-group-policy --group-name GROUP --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess
aws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess`,
    console:
      'IAM console > Policies > AWSCloudShellFullAccess > Entities attached: select each user, group and role > Detach. Give those who need CloudShell a narrower policy.',
  },
  references: [
    'https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-27',
  ],
  needs: ['iam:GetAccountAuthorizationDetails'],
  triggers: ['AttachUserPolicy', 'AttachGroupPolicy', 'AttachRolePolicy'],
  evaluate(principal) {
    const via = principal.policies
      .filter((p) => p.arn !== undefined && CLOUDSHELL_FULL_ACCESS.test(p.arn))
      .map((p) => (p.attachment.group === undefined ? 'attached directly' : `through group ${p.attachment.group}`));
    const who = `${principal.principalType} ${principal.name}`;
    if (via.length > 0)
      return fail(`${who} has AWSCloudShellFullAccess (${via.join(', ')}): detach it and grant narrower access`);
    return pass(`${who} does not have AWSCloudShellFullAccess`);
  },
});
