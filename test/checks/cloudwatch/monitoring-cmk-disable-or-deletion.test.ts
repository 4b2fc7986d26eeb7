import check from '../../../src/checks/cloudwatch/monitoring-cmk-disable-or-deletion.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.cmkDisableOrDeletion;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'reordered',
      snapshot: monitoringSnapshot(control, {
        pattern:
          '{ (($.eventName = ScheduleKeyDeletion) || ($.eventName = DisableKey)) && ($.eventSource = kms.amazonaws.com) }',
      }),
    },
    {
      name: 'broader: every KMS event',
      snapshot: monitoringSnapshot(control, { pattern: '{ $.eventSource = kms.amazonaws.com }' }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: DisableKey only',
      snapshot: monitoringSnapshot(control, {
        pattern: '{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }',
      }),
      message: 'misses ScheduleKeyDeletion',
    },
  ],
  unknown: chain.unknown,
});
