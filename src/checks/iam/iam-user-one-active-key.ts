import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'iam-user-one-active-key',
  aliases: ['iam_user_two_active_access_key'],
  service: 'iam',
  resource: 'iam-user',
  severity: 'medium',
  title: 'Each IAM user has at most one active access key',
  description:
    'Two active access keys per user are meant for the few days of a rotation. Left in place, the old key keeps working wherever it was copied, doubling what can leak and hiding which key a consumer really uses (CIS AWS 1.13 in v3.0, 1.12 in v5.0). The credential report says which key slots are active.',
  remediation: {
    terraform: `# Keep one aws_iam_access_key per user: remove the resource of the key no consumer uses any more.
resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}`,
    cli: `aws iam list-access-keys --user-name USER
aws iam update-access-key --user-name USER --access-key-id UNUSED_KEY_ID --status Inactive
aws iam delete-access-key --user-name USER --access-key-id UNUSED_KEY_ID`,
    console:
      'IAM console > Users > USER > Security credentials > Access keys: check "Last used" of each key, then Actions > Deactivate and Delete on the one no longer used.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
  ],
  needs: ['iam:GetCredentialReport'],
  triggers: ['CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey'],
  evaluate(user) {
    const active = user.accessKeys.filter((k) => k.active);
    if (active.length > 1)
      return fail(
        `${user.name} has ${active.length} active access keys (slots ${active.map((k) => k.slot).join(' and ')})`,
      );
    return pass(`${user.name} has ${active.length === 0 ? 'no' : 'one'} active access key`);
  },
});
