import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.s3BucketPolicyChanges, {
    id: 'monitoring-s3-bucket-policy-changes',
    severity: 'low',
    title: 'An alarm fires on S3 bucket policy changes',
    description:
      'A bucket policy, ACL, CORS, lifecycle or replication change can make data public, ship it to another account or delete it: such changes must reach a person quickly (CIS AWS 4.8).',
  }),
);
