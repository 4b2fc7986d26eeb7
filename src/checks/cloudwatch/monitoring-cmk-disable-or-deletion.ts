import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.cmkDisableOrDeletion, {
    id: 'monitoring-cmk-disable-or-deletion',
    severity: 'low',
    title: 'An alarm fires when a customer managed KMS key is disabled or scheduled for deletion',
    description:
      'Data encrypted under a disabled or deleted KMS key cannot be read any more: DisableKey and ScheduleKeyDeletion are a ransom and sabotage path, and the deletion window is only useful if someone hears of it (CIS AWS 4.7).',
  }),
);
