import check from '../../../src/checks/iam/iam-root-hardware-mfa.ts';
import { testCheck } from '../../support/check-tester.ts';
import { iamSnapshot, virtualMfaDevice } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const devices = (...users: string[]) =>
  iamSnapshot({ ListVirtualMFADevices: { VirtualMFADevices: users.map(virtualMfaDevice), IsTruncated: false } });

testCheck(check, {
  pass: [
    {
      name: 'root has MFA and only alice has a virtual device',
      snapshot: iamSnapshot(),
      message: 'its device is a hardware key or token',
    },
    { name: 'no virtual devices at all', snapshot: devices(), message: 'no virtual MFA device' },
  ],
  fail: [
    {
      name: "root's MFA is the virtual root-account-mfa-device",
      snapshot: devices('alice', 'root'),
      message: 'the root user has a virtual MFA device (an authenticator app), not a hardware one',
    },
    {
      name: 'root has no MFA at all',
      snapshot: iamSnapshot({
        GetAccountSummary: { SummaryMap: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0 } },
      }),
      message: 'no MFA device at all (AccountMFAEnabled = 0)',
    },
  ],
  unknown: [
    {
      name: 'ListVirtualMFADevices denied',
      snapshot: iamSnapshot({
        ListVirtualMFADevices: awsError(
          'AccessDenied',
          'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:ListVirtualMFADevices on resource: arn:aws:iam::123456789012:mfa/',
        ),
      }),
      message: 'AccessDenied on iam:ListVirtualMFADevices',
    },
    {
      name: 'a snapshot saved before ListVirtualMFADevices was collected',
      snapshot: iamSnapshot({ ListVirtualMFADevices: undefined }),
      message: 'iam:ListVirtualMFADevices was not collected',
    },
  ],
});
