import check from '../../../src/checks/cloudwatch/monitoring-root-usage.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.rootUsage;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'reordered, without spaces',
      snapshot: monitoringSnapshot(control, {
        pattern: '{$.eventType!="AwsServiceEvent"&&$.userIdentity.invokedBy NOT EXISTS&&$.userIdentity.type="Root"}',
      }),
    },
    {
      name: 'broader: any event of the root user',
      snapshot: monitoringSnapshot(control, { pattern: '{ $.userIdentity.type = "Root" }' }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: root console sign-in only',
      snapshot: monitoringSnapshot(control, {
        pattern: '{ ($.userIdentity.type = "Root") && ($.eventName = "ConsoleLogin") }',
      }),
      message: 'misses API calls by the root user',
    },
  ],
  unknown: chain.unknown,
});
