import check from '../../../src/checks/iam/iam-root-not-used-recently.ts';
import { testCheck } from '../../support/check-tester.ts';
import { credentialReport, daysAgo, iamSnapshot, rootRow, userRow } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const withRoot = (overrides: Parameters<typeof rootRow>[0]) =>
  iamSnapshot({ GetCredentialReport: credentialReport(rootRow(overrides), userRow('alice')) });

testCheck(check, {
  pass: [
    {
      name: 'root signed in 120 days ago, no root keys',
      snapshot: iamSnapshot(),
      message: 'the root user was last used 120 days ago (none in the last 30 days)',
    },
    {
      name: 'root never signed in (no_information) and has no keys',
      snapshot: withRoot({ password_last_used: 'no_information' }),
      message: 'shows no use of the root user',
    },
    {
      name: 'a root key last used 31 days ago',
      snapshot: withRoot({
        access_key_1_active: 'true',
        access_key_1_last_rotated: daysAgo(400),
        access_key_1_last_used_date: daysAgo(31),
        access_key_1_last_used_region: 'us-east-1',
        access_key_1_last_used_service: 'iam',
      }),
      message: 'last used 31 days ago',
    },
    {
      name: 'days 7: a sign-in 10 days ago is outside the window',
      snapshot: withRoot({ password_last_used: daysAgo(10) }),
      options: { days: 7 },
      message: 'none in the last 7 days',
    },
  ],
  fail: [
    {
      name: 'root signed in 2 days ago',
      snapshot: withRoot({ password_last_used: daysAgo(2) }),
      message: 'the root user was used in the last 30 days: root password (console sign-in) 2 day(s) ago',
    },
    {
      name: 'an inactive root key used today still counts as root use',
      snapshot: withRoot({
        password_last_used: 'no_information',
        access_key_2_active: 'false',
        access_key_2_last_rotated: daysAgo(900),
        access_key_2_last_used_date: daysAgo(0),
        access_key_2_last_used_region: 'us-east-1',
        access_key_2_last_used_service: 's3',
      }),
      message: 'root access key 2 0 day(s) ago',
    },
  ],
  unknown: [
    {
      name: 'GetCredentialReport: the report is still being generated',
      snapshot: iamSnapshot({
        GetCredentialReport: awsError('ReportInProgress', 'Report generation is in progress. Please try again.'),
      }),
      message: 'ReportInProgress on iam:GetCredentialReport',
    },
    {
      name: 'a report without the <root_account> row',
      snapshot: iamSnapshot({ GetCredentialReport: credentialReport(userRow('alice')) }),
      message: 'no <root_account> row',
    },
  ],
});
