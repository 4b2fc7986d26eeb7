import check from '../../../src/checks/iam/iam-root-mfa-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { iamSnapshot } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const summary = (SummaryMap: Record<string, number>) => iamSnapshot({ GetAccountSummary: { SummaryMap } });

testCheck(check, {
  pass: [{ name: 'AccountMFAEnabled = 1', snapshot: iamSnapshot(), message: 'AccountMFAEnabled = 1' }],
  fail: [
    {
      name: 'AccountMFAEnabled = 0',
      snapshot: summary({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 0 }),
      message: 'no MFA device',
    },
    { name: 'the summary lacks the entry', snapshot: summary({ Users: 3 }), message: 'no AccountMFAEnabled entry' },
  ],
  unknown: [
    {
      name: 'GetAccountSummary denied',
      snapshot: iamSnapshot({
        GetAccountSummary: awsError(
          'AccessDenied',
          'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:GetAccountSummary on resource: *',
        ),
      }),
      message: 'AccessDenied on iam:GetAccountSummary',
    },
    {
      name: 'GetAccountSummary not collected',
      snapshot: iamSnapshot({ GetAccountSummary: undefined }),
      message: 'iam:GetAccountSummary was not collected',
    },
  ],
});
