import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'iam-root-no-access-keys',
  aliases: ['IAM.4', 'AVD-AWS-0141'],
  service: 'iam',
  resource: 'account',
  severity: 'critical',
  title: 'The root user has no access keys',
  description:
    'An access key of the root user gives unrestricted programmatic access to the whole account: no IAM policy, permission boundary or (for a standalone account) SCP limits it, and it does not expire. AWS recommends that the root user has no access keys at all; GetAccountSummary reports how many exist as AccountAccessKeysPresent.',
  remediation: {
    terraform:
      '# Root access keys cannot be managed with Terraform: delete them as the root user (see the console steps).',
    cli: "# Signed in with the root user's own key (the only way to act on root keys with the CLI):\naws iam list-access-keys\naws iam delete-access-key --access-key-id AKIA...",
    console:
      'Sign in as the root user > account menu > Security credentials > Access keys > for each key: Actions > Deactivate, confirm nothing breaks, then Delete.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-4',
  ],
  needs: ['iam:GetAccountSummary'],
  triggers: ['CreateAccessKey', 'DeleteAccessKey', 'UpdateAccessKey'],
  evaluate(_account, { state }) {
    const summary = known(state.iam.accountSummary) ?? {};
    const keys = summary.AccountAccessKeysPresent;
    if (keys === undefined)
      return fail('GetAccountSummary has no AccountAccessKeysPresent entry: the root user may have access keys');
    return keys === 0
      ? pass('the root user has no access keys')
      : fail(`the root user has ${keys} access key(s) (AccountAccessKeysPresent = ${keys})`);
  },
});
