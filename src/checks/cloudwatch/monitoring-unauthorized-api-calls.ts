import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.unauthorizedApiCalls, {
    id: 'monitoring-unauthorized-api-calls',
    severity: 'medium',
    title: 'An alarm fires on unauthorized API calls',
    description:
      'Calls refused with UnauthorizedOperation or AccessDenied are how stolen credentials and over-curious insiders show themselves: an attacker probing what a key may do leaves a trail of denials long before a success (CIS AWS 4.1).',
  }),
);
