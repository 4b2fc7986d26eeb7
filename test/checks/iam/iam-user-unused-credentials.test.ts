import check from '../../../src/checks/iam/iam-user-unused-credentials.ts';
import { testCheck } from '../../support/check-tester.ts';
import { credentialReport, daysAgo, iamSnapshot, rootRow, userRow } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const only = (row: ReturnType<typeof userRow>) =>
  iamSnapshot({ GetCredentialReport: credentialReport(rootRow(), row) });

testCheck(check, {
  pass: [
    {
      name: 'password used yesterday, key used today',
      snapshot: iamSnapshot(),
      message: "alice's credentials were all used in the last 45 days",
    },
    {
      name: 'an inactive old key does not count',
      snapshot: only(
        userRow('alice', {
          access_key_2_active: 'false',
          access_key_2_last_rotated: daysAgo(700),
          access_key_2_last_used_date: daysAgo(500),
        }),
      ),
    },
    {
      name: 'no password, no active key',
      snapshot: only(
        userRow('alice', { password_enabled: 'false', password_last_used: 'N/A', access_key_1_active: 'false' }),
      ),
      message: 'no console password and no active access key',
    },
    {
      name: 'days 90: a password last used 60 days ago is within the configured limit',
      snapshot: only(userRow('alice', { password_last_used: daysAgo(60) })),
      options: { days: 90 },
      message: "alice's credentials were all used in the last 90 days",
    },
  ],
  fail: [
    {
      name: 'password last used 46 days ago',
      snapshot: only(userRow('alice', { password_last_used: daysAgo(46) })),
      message: 'console password unused for 46 days (disable credentials unused for 45 days or more)',
    },
    {
      name: 'days 30: a key last used 31 days ago fails, and the message names the limit',
      snapshot: only(userRow('alice', { access_key_1_last_used_date: daysAgo(31) })),
      options: { days: 30 },
      message: 'alice: access key 1 unused for 31 days (disable credentials unused for 30 days or more)',
    },
    {
      name: 'an active key never used, created 100 days ago',
      snapshot: only(
        userRow('alice', {
          access_key_1_last_rotated: daysAgo(100),
          access_key_1_last_used_date: 'N/A',
          access_key_1_last_used_region: 'N/A',
          access_key_1_last_used_service: 'N/A',
        }),
      ),
      message: 'access key 1 never used in 100 days',
    },
    {
      name: 'a password never used (no_information), set 60 days ago',
      snapshot: only(userRow('alice', { password_last_used: 'no_information' })),
      message: 'console password never used in 60 days',
    },
  ],
  unknown: [
    {
      name: 'GetCredentialReport denied',
      snapshot: iamSnapshot({
        GetCredentialReport: awsError(
          'AccessDenied',
          'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:GetCredentialReport',
        ),
      }),
      arn: 'arn:aws:iam::123456789012:user/*',
      message: 'AccessDenied on iam:GetCredentialReport',
    },
    // IAM writes a time or N/A, no_information, not_supported: anything else would make every age NaN, never stale
    {
      name: 'a last-used date that is not a date (month 13)',
      snapshot: only(userRow('alice', { access_key_1_last_used_date: '2026-13-45T00:00:00+00:00' })),
      arn: 'arn:aws:iam::123456789012:user/*',
      message:
        'MalformedCredentialReport on iam:GetCredentialReport: the credential report is not the CSV IAM writes (access_key_1_last_used_date of alice is "2026-13-45T00:00:00+00:00", not a time)',
    },
    {
      name: 'a password last-used value that is not a time',
      snapshot: only(userRow('alice', { password_last_used: 'yesterday' })),
      arn: 'arn:aws:iam::123456789012:user/*',
      message: 'password_last_used of alice is "yesterday", not a time',
    },
    {
      name: 'GeneratedTime that is not a time: there is no "now" to measure ages from',
      snapshot: iamSnapshot({
        GetCredentialReport: {
          ...credentialReport(rootRow(), userRow('alice', { password_last_used: daysAgo(400) })),
          GeneratedTime: 'today',
        },
      }),
      arn: 'arn:aws:iam::123456789012:user/*',
      message: 'the credential report is not the CSV IAM writes (GeneratedTime "today" is not a time)',
    },
  ],
});
