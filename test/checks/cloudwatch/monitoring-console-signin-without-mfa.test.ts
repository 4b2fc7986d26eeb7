import check from '../../../src/checks/cloudwatch/monitoring-console-signin-without-mfa.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.consoleSigninWithoutMfa;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'reordered',
      snapshot: monitoringSnapshot(control, {
        pattern:
          '{ ($.responseElements.ConsoleLogin = "Success") && ($.userIdentity.type = "IAMUser") && ($.additionalEventData.MFAUsed != "Yes") && ($.eventName = "ConsoleLogin") }',
      }),
    },
    {
      name: 'broader: the v1.2 pattern (any identity type, failed sign-ins too)',
      snapshot: monitoringSnapshot(control, {
        pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
      }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: MFAUsed = "No" misses sign-ins that do not say',
      snapshot: monitoringSnapshot(control, {
        pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "No") }',
      }),
      message: 'misses ConsoleLogin by an IAM user without MFA',
    },
  ],
  unknown: chain.unknown,
});
