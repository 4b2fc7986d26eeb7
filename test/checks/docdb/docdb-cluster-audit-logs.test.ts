import check from '../../../src/checks/docdb/docdb-cluster-audit-logs.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('docdb', 'audit exported', {}, 'exports its audit log to CloudWatch Logs')],
  fail: [
    clusterCase(
      'docdb',
      'no export at all',
      { EnabledCloudwatchLogsExports: undefined },
      'does not export its audit log to CloudWatch Logs',
    ),
    clusterCase(
      'docdb',
      'only another log type',
      { EnabledCloudwatchLogsExports: ['profiler'] },
      '(it exports profiler)',
    ),
  ],
  unknown: [deniedCase('docdb')],
});
