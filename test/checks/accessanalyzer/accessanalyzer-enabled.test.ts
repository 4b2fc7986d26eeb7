import check from '../../../src/checks/accessanalyzer/accessanalyzer-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { analyzer, REGION, regionalSnapshot } from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const aa = (ListAnalyzers: object) => regionalSnapshot({ accessanalyzer: { [REGION]: { ListAnalyzers } as never } });

testCheck(check, {
  pass: [
    {
      name: 'an active account analyzer',
      snapshot: aa({ analyzers: [analyzer()] }),
      message: 'ACCOUNT analyzer ConsoleAnalyzer-0a1b2c3d is active',
    },
    { name: 'an organization analyzer', snapshot: aa({ analyzers: [analyzer('ORGANIZATION', 'ACTIVE', 'org')] }) },
  ],
  fail: [
    { name: 'no analyzer', snapshot: aa({ analyzers: [] }), message: 'no IAM Access Analyzer' },
    {
      name: 'only an unused-access analyzer',
      snapshot: aa({ analyzers: [analyzer('ACCOUNT_UNUSED_ACCESS', 'ACTIVE', 'unused')] }),
      message: 'unused ACCOUNT_UNUSED_ACCESS ACTIVE',
    },
    {
      name: 'an account analyzer that failed',
      snapshot: aa({ analyzers: [analyzer('ACCOUNT', 'FAILED')] }),
      message: 'FAILED',
    },
  ],
  unknown: [
    {
      name: 'ListAnalyzers denied',
      snapshot: aa(awsError('AccessDeniedException', 'not authorized to perform: access-analyzer:ListAnalyzers')),
      message: 'AccessDeniedException on accessanalyzer:ListAnalyzers',
    },
  ],
});
