import check from '../../../src/checks/iam/iam-root-no-access-keys.ts';
import { testCheck } from '../../support/check-tester.ts';
import { iamSnapshot } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const summary = (SummaryMap: Record<string, number>) => iamSnapshot({ GetAccountSummary: { SummaryMap } });

testCheck(check, {
  pass: [{ name: 'AccountAccessKeysPresent = 0', snapshot: iamSnapshot(), message: 'no access keys' }],
  fail: [
    {
      name: 'one root access key',
      snapshot: summary({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 1 }),
      message: 'has 1 access key(s)',
    },
    {
      name: 'the summary lacks the entry',
      snapshot: summary({ AccountMFAEnabled: 1 }),
      message: 'no AccountAccessKeysPresent entry',
    },
  ],
  unknown: [
    {
      name: 'GetAccountSummary throttled after retries',
      snapshot: iamSnapshot({ GetAccountSummary: awsError('Throttling', 'Rate exceeded') }),
      message: 'Throttling on iam:GetAccountSummary',
    },
  ],
});
