import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.securityGroupChanges, {
    id: 'monitoring-security-group-changes',
    severity: 'low',
    title: 'An alarm fires on security group changes',
    description:
      'Opening a security group is the usual first step to expose an instance or database to the internet: creating, deleting or changing rules must alert (CIS AWS 4.10).',
  }),
);
