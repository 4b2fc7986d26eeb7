import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.iamPolicyChanges, {
    id: 'monitoring-iam-policy-changes',
    severity: 'medium',
    title: 'An alarm fires on IAM policy changes',
    description:
      'Creating, attaching, detaching or editing an IAM policy changes who may do what: privilege escalation and persistence both go through these calls (CIS AWS 4.4).',
  }),
);
