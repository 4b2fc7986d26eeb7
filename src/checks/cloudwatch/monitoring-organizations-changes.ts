import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.organizationsChanges, {
    id: 'monitoring-organizations-changes',
    severity: 'low',
    title: 'An alarm fires on AWS Organizations changes',
    description:
      'Organizations calls move accounts, invite or remove them and change service control policies: one call can lift the guardrails of every account (CIS AWS 4.15).',
  }),
);
