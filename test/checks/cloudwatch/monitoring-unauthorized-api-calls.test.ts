import check from '../../../src/checks/cloudwatch/monitoring-unauthorized-api-calls.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.unauthorizedApiCalls;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'reordered and re-spaced',
      snapshot: monitoringSnapshot(control, {
        pattern:
          '{($.errorCode="AccessDenied*")&&($.eventName!="HeadBucket")&&($.sourceIPAddress!="delivery.logs.amazonaws.com")||($.errorCode="*UnauthorizedOperation")}',
      }),
    },
    {
      name: 'broader: the v1.4 pattern without the exclusions',
      snapshot: monitoringSnapshot(control, {
        pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
      }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: UnauthorizedOperation only',
      snapshot: monitoringSnapshot(control, { pattern: '{ $.errorCode = "*UnauthorizedOperation" }' }),
      message: 'misses calls failing with errorCode "AccessDenied*"',
    },
    {
      name: 'narrower: AccessDenied spelled exactly, no wildcard',
      snapshot: monitoringSnapshot(control, {
        pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied") }',
      }),
      message: 'AccessDeniedException',
    },
  ],
  unknown: chain.unknown,
});
