import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.rootUsage, {
    id: 'monitoring-root-usage',
    severity: 'medium',
    title: "An alarm fires on any use of the 'root' user",
    description:
      'The root user bypasses IAM policies and should sign in only for the few tasks that need it: any root sign-in or API call not made by an AWS service must reach a person at once (CIS AWS 4.3).',
  }),
);
