import type { GuardDutyDetector } from '../../services/detection/model.ts';
import { featureStatus, featureTerraform, protectionPlanCheck } from './protection-plan.ts';

/** S3_DATA_EVENTS; a detector that lists no features still reports the older DataSources.S3Logs. */
function s3Protection(d: GuardDutyDetector): { on: boolean; detail: string } {
  const status =
    d.features.S3_DATA_EVENTS === undefined && d.s3Logs !== undefined ? d.s3Logs : featureStatus(d, 'S3_DATA_EVENTS');
  return { on: status === 'ENABLED', detail: `S3_DATA_EVENTS: ${status}` };
}

export default protectionPlanCheck({
  id: 'guardduty-s3-protection',
  fsbp: 'GuardDuty.10',
  prowler: 'guardduty_s3_protection_enabled',
  severity: 'high',
  plan: 'S3 Protection',
  why: 'S3 Protection analyses CloudTrail S3 data events (GetObject, PutObject, DeleteObject) so GuardDuty reports data exfiltration and destruction from buckets, such as reads from a Tor exit node or a burst of deletes by an unusual principal.',
  feature: 'the `S3_DATA_EVENTS` feature (DataSources.S3Logs on detectors that list no features) is `ENABLED`',
  enabled: s3Protection,
  terraform: featureTerraform('S3_DATA_EVENTS'),
  cliFeatures: 'Name=S3_DATA_EVENTS,Status=ENABLED',
  console: 'GuardDuty console (in the region) > Protection plans > S3 Protection > Enable > Confirm.',
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html',
});
