import check from '../../../src/checks/cloudwatch/monitoring-route-table-changes.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot, patternWithout } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.routeTableChanges;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'without the eventSource condition (broader)',
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control) }),
    },
    {
      name: 'broader: prefixes',
      snapshot: monitoringSnapshot(control, {
        pattern:
          '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute*) || ($.eventName = ReplaceRoute*) || ($.eventName = DeleteRoute*) || ($.eventName = DisassociateRouteTable)) }',
      }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: DisassociateRouteTable left out',
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control, 'DisassociateRouteTable') }),
      message: 'misses DisassociateRouteTable',
    },
  ],
  unknown: chain.unknown,
});
