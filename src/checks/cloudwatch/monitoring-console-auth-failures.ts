import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.consoleAuthFailures, {
    id: 'monitoring-console-auth-failures',
    severity: 'low',
    title: 'An alarm fires on console authentication failures',
    description:
      'Repeated failed console sign-ins, by IAM users or the root user, are a brute-force or credential-stuffing attempt in progress (CIS AWS 4.6).',
  }),
);
