import check from '../../../src/checks/iam/iam-user-access-keys-rotated.ts';
import { testCheck } from '../../support/check-tester.ts';
import { credentialReport, daysAgo, iamSnapshot, rootRow, userRow } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const only = (row: ReturnType<typeof userRow>) =>
  iamSnapshot({ GetCredentialReport: credentialReport(rootRow(), row) });

testCheck(check, {
  pass: [
    { name: 'key rotated 30 days ago', snapshot: iamSnapshot(), message: 'rotated within 90 days' },
    {
      name: 'days 365: a key 200 days old is within the configured limit',
      snapshot: only(userRow('alice', { access_key_1_last_rotated: daysAgo(200) })),
      options: { days: 365 },
      message: "alice's active access keys were rotated within 365 days",
    },
    {
      name: 'no active key',
      snapshot: only(userRow('alice', { access_key_1_active: 'false' })),
      message: 'alice has no active access key',
    },
  ],
  fail: [
    {
      name: 'key 1 is 91 days old',
      snapshot: only(userRow('alice', { access_key_1_last_rotated: daysAgo(91) })),
      message: 'access key 1 is 91 days old (rotate within 90 days)',
    },
    {
      name: 'days 30: a key 31 days old (which passes with the default 90) fails',
      snapshot: only(userRow('alice', { access_key_1_last_rotated: daysAgo(31) })),
      options: { days: 30 },
      message: 'alice: access key 1 is 31 days old (rotate within 30 days)',
    },
    {
      name: 'key 2 is two years old',
      snapshot: only(
        userRow('alice', {
          access_key_2_active: 'true',
          access_key_2_last_rotated: daysAgo(730),
          access_key_2_last_used_date: daysAgo(2),
        }),
      ),
      message: 'access key 2 is 730 days old',
    },
  ],
  unknown: [
    {
      name: 'the report expired (ReportExpired)',
      snapshot: iamSnapshot({ GetCredentialReport: awsError('ReportExpired', 'The credential report has expired.') }),
      arn: 'arn:aws:iam::123456789012:user/*',
      message: 'ReportExpired on iam:GetCredentialReport',
    },
  ],
});
