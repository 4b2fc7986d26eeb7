import type { GuardDutyDetector } from '../../services/detection/model.ts';
import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

/** S3 protection is the S3_DATA_EVENTS feature (DataSources.S3Logs on detectors that predate features). */
function s3Protection(detector: GuardDutyDetector): string {
  return detector.features.S3_DATA_EVENTS ?? detector.s3Logs ?? 'not reported';
}

export default defineCheck({
  id: 'guardduty-enabled',
  aliases: ['GuardDuty.1'],
  service: 'guardduty',
  resource: 'region',
  severity: 'high',
  title: 'GuardDuty is enabled in the region',
  description:
    'GuardDuty watches CloudTrail management events, VPC flow logs and DNS logs for threats (credential exfiltration, crypto mining, reconnaissance). Attackers use regions nobody looks at, so it must be on in every enabled region. The message also reports S3 Protection (the S3_DATA_EVENTS feature: threat detection on S3 data events) and Malware Protection for S3 (protection plans that scan new objects), which seed 004 stacks on top.',
  remediation: {
    terraform: `resource "aws_guardduty_detector" "this" {
  enable = true
}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.this.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}
# repeat per region (a provider alias per region), or use aws_guardduty_organization_configuration`,
    cli: `aws guardduty create-detector --enable --region REGION
aws guardduty update-detector --detector-id DETECTOR_ID --features Name=S3_DATA_EVENTS,Status=ENABLED --region REGION`,
    console:
      'GuardDuty console (in the region) > Get started > Enable GuardDuty; then Protection plans > S3 Protection > Enable, and Malware Protection for S3 > Enable for the buckets that receive uploads.',
  },
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/gdu-malware-protection-s3.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-1',
  ],
  needs: ['guardduty:GetDetector'],
  triggers: ['CreateDetector', 'DeleteDetector', 'UpdateDetector'],
  evaluate(region, { state }) {
    const detectors = known(state.detection.regions[region.region]!.guardDutyDetectors) ?? [];
    const enabled = detectors.find((d) => d.status === 'ENABLED');
    if (!enabled) {
      return fail(
        detectors.length === 0
          ? `GuardDuty has no detector in ${region.region}`
          : `the GuardDuty detector of ${region.region} is ${detectors[0]!.status}`,
      );
    }
    const plans = state.detection.regions[region.region]!.guardDutyMalwarePlans;
    const malware =
      plans.kind === 'present'
        ? `${plans.value} Malware Protection for S3 plan(s)`
        : 'Malware Protection for S3 not readable';
    return pass(
      `GuardDuty detector ${enabled.id} is enabled in ${region.region} (S3 Protection: ${s3Protection(enabled)}; ${malware})`,
    );
  },
});
