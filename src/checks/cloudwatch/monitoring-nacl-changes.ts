import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.naclChanges, {
    id: 'monitoring-nacl-changes',
    severity: 'low',
    title: 'An alarm fires on network ACL changes',
    description:
      'Network ACLs are the subnet-level filter: creating, deleting or replacing entries or associations can open whole subnets (CIS AWS 4.11).',
  }),
);
