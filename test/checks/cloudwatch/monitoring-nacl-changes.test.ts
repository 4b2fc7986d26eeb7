import check from '../../../src/checks/cloudwatch/monitoring-nacl-changes.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot, patternWithout } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.naclChanges;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'the benchmark pattern with an eventSource condition',
      snapshot: monitoringSnapshot(control, {
        pattern: `{ ($.eventSource = ec2.amazonaws.com) && (${patternWithout(control).slice(2, -2)}) }`,
      }),
    },
    {
      name: 'broader: prefixes',
      snapshot: monitoringSnapshot(control, {
        pattern:
          '{ ($.eventName = CreateNetworkAcl*) || ($.eventName = DeleteNetworkAcl*) || ($.eventName = ReplaceNetworkAcl*) }',
      }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: associations left out',
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control, 'ReplaceNetworkAclAssociation') }),
      message: 'misses ReplaceNetworkAclAssociation',
    },
  ],
  unknown: chain.unknown,
});
