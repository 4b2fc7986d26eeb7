import check from '../../../src/checks/iam/iam-user-one-active-key.ts';
import { testCheck } from '../../support/check-tester.ts';
import { credentialReport, daysAgo, iamSnapshot, rootRow, userRow } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const only = (row: ReturnType<typeof userRow>) =>
  iamSnapshot({ GetCredentialReport: credentialReport(rootRow(), row) });

testCheck(check, {
  pass: [
    { name: 'one active key', snapshot: only(userRow('alice')), message: 'alice has one active access key' },
    {
      name: 'no active key',
      snapshot: only(userRow('alice', { access_key_1_active: 'false' })),
      message: 'alice has no active access key',
    },
    {
      name: 'a second key, deactivated after rotation',
      snapshot: only(userRow('alice', { access_key_2_active: 'false', access_key_2_last_rotated: daysAgo(400) })),
    },
  ],
  fail: [
    {
      name: 'both slots active',
      snapshot: only(
        userRow('alice', {
          access_key_2_active: 'true',
          access_key_2_last_rotated: daysAgo(10),
          access_key_2_last_used_date: daysAgo(1),
        }),
      ),
      message: 'alice has 2 active access keys (slots 1 and 2)',
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
