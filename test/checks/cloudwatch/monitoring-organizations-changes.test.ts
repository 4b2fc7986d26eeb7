import check from '../../../src/checks/cloudwatch/monitoring-organizations-changes.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot, patternWithout } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.organizationsChanges;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'without the eventSource condition (broader)',
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control) }),
    },
    {
      name: 'broader: every Organizations event',
      snapshot: monitoringSnapshot(control, { pattern: '{ $.eventSource = organizations.amazonaws.com }' }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: LeaveOrganization left out',
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control, 'LeaveOrganization') }),
      message: 'misses LeaveOrganization',
    },
  ],
  unknown: chain.unknown,
});
