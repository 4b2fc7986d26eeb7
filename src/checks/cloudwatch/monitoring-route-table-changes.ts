import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.routeTableChanges, {
    id: 'monitoring-route-table-changes',
    severity: 'low',
    title: 'An alarm fires on route table changes',
    description:
      'A changed route sends traffic somewhere else: through an attacker-controlled instance, out of an internet gateway, or away from inspection (CIS AWS 4.13).',
  }),
);
