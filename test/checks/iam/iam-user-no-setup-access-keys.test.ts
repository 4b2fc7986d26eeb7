import check from '../../../src/checks/iam/iam-user-no-setup-access-keys.ts';
import { testCheck } from '../../support/check-tester.ts';
import { credentialReport, daysAgo, iamSnapshot, rootRow, userRow } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const only = (row: ReturnType<typeof userRow>) =>
  iamSnapshot({ GetCredentialReport: credentialReport(rootRow(), row) });
const neverUsed = {
  access_key_1_last_used_date: 'N/A',
  access_key_1_last_used_region: 'N/A',
  access_key_1_last_used_service: 'N/A',
};

testCheck(check, {
  pass: [
    {
      name: 'console user whose key was used today',
      snapshot: iamSnapshot(),
      message: "alice's active access key was used",
    },
    {
      name: 'a never-used key of a user without a console password (a workload user)',
      snapshot: only(userRow('ci', { password_enabled: 'false', password_last_used: 'N/A', ...neverUsed })),
      message: 'ci has no console password',
    },
    {
      name: 'a never-used key that is inactive',
      snapshot: only(userRow('alice', { access_key_1_active: 'false', ...neverUsed })),
      message: 'alice has no active access key',
    },
  ],
  fail: [
    {
      name: 'console user with an active key created with the user and never used',
      snapshot: only(userRow('alice', { access_key_1_last_rotated: daysAgo(400), ...neverUsed })),
      message: 'alice has a console password and active access key 1 that was never used',
    },
    {
      name: 'the second key never used',
      snapshot: only(
        userRow('alice', {
          access_key_2_active: 'true',
          access_key_2_last_rotated: daysAgo(3),
          access_key_2_last_used_date: 'N/A',
        }),
      ),
      message: 'active access key 2 that was never used',
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
  ],
});
