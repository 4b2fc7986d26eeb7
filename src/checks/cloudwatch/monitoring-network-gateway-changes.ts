import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.networkGatewayChanges, {
    id: 'monitoring-network-gateway-changes',
    severity: 'low',
    title: 'An alarm fires on network gateway changes',
    description:
      'Creating or attaching an internet or customer gateway gives a VPC a new way in or out, the path of choice for exfiltration (CIS AWS 4.12).',
  }),
);
