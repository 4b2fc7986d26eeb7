import check from '../../../src/checks/cloudwatch/monitoring-config-changes.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot, patternWithout } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.configChanges;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'reordered',
      snapshot: monitoringSnapshot(control, {
        pattern:
          '{ ($.eventName = PutConfigurationRecorder) || ($.eventName = PutDeliveryChannel) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = StopConfigurationRecorder) }',
      }),
    },
    {
      name: 'broader: every Config event',
      snapshot: monitoringSnapshot(control, { pattern: '{ $.eventSource = config.amazonaws.com }' }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: stop and delete only',
      snapshot: monitoringSnapshot(control, {
        pattern: patternWithout(control, 'PutDeliveryChannel', 'PutConfigurationRecorder'),
      }),
      message: 'misses PutDeliveryChannel, PutConfigurationRecorder',
    },
  ],
  unknown: chain.unknown,
});
