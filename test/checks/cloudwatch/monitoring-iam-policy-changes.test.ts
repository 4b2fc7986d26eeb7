import check from '../../../src/checks/cloudwatch/monitoring-iam-policy-changes.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot, patternWithout } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.iamPolicyChanges;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'reordered',
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control).replace(/\(([^()]+)\)/g, '( $1 )') }),
    },
    {
      name: 'broader: every IAM write',
      snapshot: monitoringSnapshot(control, {
        pattern: '{ ($.eventSource = iam.amazonaws.com) && ($.readOnly IS FALSE) }',
      }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: role policy attachments left out',
      snapshot: monitoringSnapshot(control, {
        pattern: patternWithout(control, 'AttachRolePolicy', 'DetachRolePolicy'),
      }),
      message: 'misses AttachRolePolicy, DetachRolePolicy',
    },
  ],
  unknown: chain.unknown,
});
