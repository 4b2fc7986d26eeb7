import check from '../../../src/checks/cloudwatch/monitoring-console-auth-failures.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.consoleAuthFailures;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'reordered, unquoted',
      snapshot: monitoringSnapshot(control, {
        pattern: '{ ($.errorMessage = "Failed authentication") && ($.eventName = ConsoleLogin) }',
      }),
    },
    {
      name: 'broader: every failed ConsoleLogin',
      snapshot: monitoringSnapshot(control, {
        pattern: '{ ($.eventName = ConsoleLogin) && ($.responseElements.ConsoleLogin = "Failure") }',
      }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: IAM users only',
      snapshot: monitoringSnapshot(control, {
        pattern:
          '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") && ($.userIdentity.type = "IAMUser") }',
      }),
      message: 'misses failed ConsoleLogin by the root user',
    },
  ],
  unknown: chain.unknown,
});
