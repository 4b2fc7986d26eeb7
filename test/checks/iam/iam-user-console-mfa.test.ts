import check from '../../../src/checks/iam/iam-user-console-mfa.ts';
import { testCheck } from '../../support/check-tester.ts';
import { credentialReport, iamSnapshot, rootRow, userRow } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const report = (...rows: Parameters<typeof credentialReport>) =>
  iamSnapshot({ GetCredentialReport: credentialReport(rootRow(), ...rows) });
const BOB = 'arn:aws:iam::123456789012:user/bob';

testCheck(check, {
  pass: [
    {
      name: 'console user with MFA',
      snapshot: iamSnapshot(),
      message: 'alice has a console password and an active MFA device',
    },
    {
      name: 'API-only user without MFA',
      snapshot: report(userRow('bob', { password_enabled: 'false', password_last_used: 'N/A', mfa_active: 'false' })),
      message: 'bob has no console password',
    },
  ],
  fail: [
    {
      name: 'console user without MFA',
      snapshot: report(userRow('alice'), userRow('bob', { mfa_active: 'false' })),
      arn: BOB,
      message: 'bob has a console password and no MFA device',
    },
  ],
  unknown: [
    {
      name: 'the report was never generated (ReportNotPresent): every user is hidden',
      snapshot: iamSnapshot({ GetCredentialReport: awsError('ReportNotPresent', 'Unable to find credential report.') }),
      arn: 'arn:aws:iam::123456789012:user/*',
      message: 'ReportNotPresent on iam:GetCredentialReport',
    },
    {
      name: 'the report is still being generated (ReportInProgress)',
      snapshot: iamSnapshot({ GetCredentialReport: awsError('ReportInProgress', 'Report generation in progress.') }),
      arn: 'arn:aws:iam::123456789012:user/*',
      message: 'ReportInProgress',
    },
    {
      name: 'the Content is not the CSV IAM writes',
      snapshot: iamSnapshot({
        GetCredentialReport: { Content: Buffer.from('hello,world\n1,2').toString('base64'), ReportFormat: 'text/csv' },
      }),
      arn: 'arn:aws:iam::123456789012:user/*',
      message: 'MalformedCredentialReport',
    },
  ],
});
