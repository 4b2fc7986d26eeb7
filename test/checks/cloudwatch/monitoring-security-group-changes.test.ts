import check from '../../../src/checks/cloudwatch/monitoring-security-group-changes.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot, patternWithout } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.securityGroupChanges;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'reordered',
      snapshot: monitoringSnapshot(control, {
        pattern: `{ ${patternWithout(control).slice(2, -2).split(' || ').reverse().join(' || ')} }`,
      }),
    },
    {
      name: 'broader: wildcards',
      snapshot: monitoringSnapshot(control, {
        pattern:
          '{ ($.eventName = AuthorizeSecurityGroup*) || ($.eventName = RevokeSecurityGroup*) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) || ($.eventName = Modify*) }',
      }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: ingress only',
      snapshot: monitoringSnapshot(control, {
        pattern: patternWithout(control, 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupEgress'),
      }),
      message: 'misses AuthorizeSecurityGroupEgress, RevokeSecurityGroupEgress',
    },
    {
      name: "CIS v3.0.0's six calls: rules edited in place (ModifySecurityGroupRules) go unseen",
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control, 'ModifySecurityGroupRules') }),
      message: 'misses ModifySecurityGroupRules',
    },
  ],
  unknown: chain.unknown,
});
