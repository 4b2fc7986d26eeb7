import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.configChanges, {
    id: 'monitoring-config-changes',
    severity: 'low',
    title: 'An alarm fires on AWS Config configuration changes',
    description:
      'Stopping the configuration recorder or changing its delivery channel removes the record of resource changes an investigation relies on (CIS AWS 4.9).',
  }),
);
