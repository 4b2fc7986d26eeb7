import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

/** The root user's ARN as ListVirtualMFADevices gives it in `User.Arn`, in any partition. */
const ROOT_ARN = /^arn:[^:]+:iam::\d{12}:root$/;

export default defineCheck({
  id: 'iam-root-hardware-mfa',
  aliases: ['IAM.6', 'AVD-AWS-0165', 'iam_root_hardware_mfa_enabled'],
  service: 'iam',
  resource: 'account',
  severity: 'critical',
  title: 'The root user signs in with a hardware MFA device',
  description:
    "A virtual MFA app lives on a phone or laptop that is also used for everything else: malware or a lost device exposes the root user's second factor. CIS (1.6 in v3.0, 1.5 in v5.0) and Security Hub IAM.6 ask for a hardware device (a FIDO security key or a hardware TOTP token) for the root user. IAM has no call that lists the root user's hardware devices, so the benchmark's audit is used: GetAccountSummary says the root user has MFA (AccountMFAEnabled = 1) and ListVirtualMFADevices shows no virtual device assigned to the root user (`arn:aws:iam::ACCOUNT:root`).",
  remediation: {
    terraform:
      "# The root user's MFA devices cannot be managed with Terraform or the API: sign in as root and register a hardware key (see the console steps).",
    cli: '# Not possible with the CLI: root MFA is set up by the root user in the console. Verify afterwards with:\naws iam get-account-summary --query SummaryMap.AccountMFAEnabled\naws iam list-virtual-mfa-devices --assignment-status Assigned --query "VirtualMFADevices[?ends_with(User.Arn, \':root\')]"',
    console:
      'Sign in as the root user > account menu > Security credentials > Multi-factor authentication (MFA) > Assign MFA device > "Passkey or security key" or "Hardware TOTP token". Once it works, remove the root user\'s authenticator-app (virtual) device there.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-6',
  ],
  needs: ['iam:GetAccountSummary', 'iam:ListVirtualMFADevices'],
  triggers: ['EnableMFADevice', 'DeactivateMFADevice', 'CreateVirtualMFADevice', 'DeleteVirtualMFADevice'],
  evaluate(_account, { state }) {
    const summary = known(state.iam.accountSummary) ?? {};
    if (summary.AccountMFAEnabled !== 1)
      return fail(
        summary.AccountMFAEnabled === undefined
          ? 'GetAccountSummary has no AccountMFAEnabled entry: treat the root user as without MFA'
          : 'the root user has no MFA device at all (AccountMFAEnabled = 0)',
      );
    const virtual = (known(state.iam.virtualMfaUsers) ?? []).filter((arn) => ROOT_ARN.test(arn));
    if (virtual.length > 0)
      return fail('the root user has a virtual MFA device (an authenticator app), not a hardware one');
    return pass('the root user has MFA and no virtual MFA device: its device is a hardware key or token');
  },
});
