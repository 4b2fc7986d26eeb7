import check from '../../../src/checks/cloudwatch/monitoring-network-gateway-changes.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot, patternWithout } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.networkGatewayChanges;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'broader: VPN and transit gateways too',
      snapshot: monitoringSnapshot(control, {
        pattern: patternWithout(control).replace(
          ' }',
          ' || ($.eventName = CreateVpnGateway) || ($.eventName = CreateTransitGateway) }',
        ),
      }),
    },
    {
      name: 're-spaced',
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control).replace(/ = /g, '=') }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: internet gateways only',
      snapshot: monitoringSnapshot(control, {
        pattern: patternWithout(control, 'CreateCustomerGateway', 'DeleteCustomerGateway'),
      }),
      message: 'misses CreateCustomerGateway, DeleteCustomerGateway',
    },
  ],
  unknown: chain.unknown,
});
