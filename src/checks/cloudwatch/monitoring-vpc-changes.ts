import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.vpcChanges, {
    id: 'monitoring-vpc-changes',
    severity: 'low',
    title: 'An alarm fires on VPC changes',
    description:
      'Creating or deleting VPCs, changing their attributes or peering them with other VPCs changes what can reach what across the account (CIS AWS 4.14).',
  }),
);
