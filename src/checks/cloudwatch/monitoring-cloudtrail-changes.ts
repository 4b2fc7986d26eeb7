import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.cloudtrailChanges, {
    id: 'monitoring-cloudtrail-changes',
    severity: 'medium',
    title: 'An alarm fires on CloudTrail configuration changes',
    description:
      'Stopping, deleting or reconfiguring a trail is how an attacker blinds the audit log before acting: CreateTrail, UpdateTrail, DeleteTrail, StartLogging and StopLogging must alert (CIS AWS 4.5).',
  }),
);
