import check from '../../../src/checks/neptune/neptune-cluster-audit-logs.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('neptune', 'audit exported', {}, 'exports its audit log to CloudWatch Logs')],
  fail: [
    clusterCase(
      'neptune',
      'no export at all',
      { EnabledCloudwatchLogsExports: undefined },
      'does not export its audit log to CloudWatch Logs',
    ),
    clusterCase(
      'neptune',
      'only another log type',
      { EnabledCloudwatchLogsExports: ['slowquery'] },
      '(it exports slowquery)',
    ),
  ],
  unknown: [deniedCase('neptune')],
});
