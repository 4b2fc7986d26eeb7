import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'iam-root-mfa-enabled',
  aliases: ['IAM.9', 'AVD-AWS-0142'],
  service: 'iam',
  resource: 'account',
  severity: 'critical',
  title: 'The root user signs in with MFA',
  description:
    'The root user can do anything in the account, including closing it and changing its billing and support settings, and no policy can restrict it. Without multi-factor authentication a leaked or phished root password is a full account takeover. GetAccountSummary reports AccountMFAEnabled = 1 when the root user has an MFA device.',
  remediation: {
    terraform:
      "# The root user's MFA device cannot be managed with Terraform or the API: sign in as root and add it in the console (see the console steps).",
    cli: '# Not possible with the CLI: root MFA is set up by the root user in the console. Verify afterwards with:\naws iam get-account-summary --query SummaryMap.AccountMFAEnabled',
    console:
      'Sign in as the root user > account menu (top right) > Security credentials > Multi-factor authentication (MFA) > Assign MFA device > choose a passkey/security key or authenticator app (a hardware key for CIS 1.6) > follow the steps.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-9',
  ],
  needs: ['iam:GetAccountSummary'],
  triggers: ['EnableMFADevice', 'DeactivateMFADevice', 'DeleteVirtualMFADevice'],
  evaluate(_account, { state }) {
    const summary = known(state.iam.accountSummary) ?? {};
    if (summary.AccountMFAEnabled === undefined)
      return fail('GetAccountSummary has no AccountMFAEnabled entry: treat the root user as without MFA');
    return summary.AccountMFAEnabled === 1
      ? pass('the root user has an MFA device (AccountMFAEnabled = 1)')
      : fail('the root user has no MFA device (AccountMFAEnabled = 0)');
  },
});
