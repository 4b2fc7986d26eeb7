import check from '../../../src/checks/cloudwatch/monitoring-cloudtrail-changes.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot, patternWithout } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.cloudtrailChanges;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'broader: event selector changes too',
      snapshot: monitoringSnapshot(control, {
        pattern: patternWithout(control).replace(' }', ' || ($.eventName = PutEventSelectors) }'),
      }),
    },
    {
      name: 'every CloudTrail event',
      snapshot: monitoringSnapshot(control, { pattern: '{ $.eventSource = "cloudtrail.amazonaws.com" }' }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: StopLogging left out',
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control, 'StopLogging') }),
      message: 'misses StopLogging',
    },
  ],
  unknown: chain.unknown,
});
