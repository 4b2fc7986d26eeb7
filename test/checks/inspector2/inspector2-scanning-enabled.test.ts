import check from '../../../src/checks/inspector2/inspector2-scanning-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { inspectorStatus, REGION, regionalSnapshot } from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const insp = (entry: object) => regionalSnapshot({ inspector2: { [REGION]: entry } });

testCheck(check, {
  pass: [
    {
      name: 'EC2, ECR and Lambda scanning on',
      snapshot: insp(inspectorStatus()),
      message: 'scans EC2, ECR and Lambda',
    },
  ],
  fail: [
    {
      name: 'Lambda scanning off',
      snapshot: insp(inspectorStatus({ lambda: 'DISABLED' })),
      message: 'does not scan Lambda (DISABLED)',
    },
    {
      name: 'Inspector never activated',
      snapshot: insp(inspectorStatus({ ec2: 'DISABLED', ecr: 'DISABLED', lambda: 'DISABLED' })),
      message: 'EC2 (DISABLED), ECR (DISABLED), Lambda (DISABLED)',
    },
  ],
  unknown: [
    {
      name: 'BatchGetAccountStatus denied',
      snapshot: insp({
        BatchGetAccountStatus: awsError(
          'AccessDeniedException',
          'not authorized to perform: inspector2:BatchGetAccountStatus',
        ),
      }),
      message: 'AccessDeniedException on inspector2:BatchGetAccountStatus',
    },
    {
      name: 'the account is in failedAccounts',
      snapshot: insp({
        BatchGetAccountStatus: {
          accounts: [],
          failedAccounts: [
            { accountId: '123456789012', errorCode: 'ACCESS_DENIED', errorMessage: 'Caller is not authorized' },
          ],
        },
      }),
      message: 'ACCESS_DENIED on inspector2:BatchGetAccountStatus',
    },
  ],
});
