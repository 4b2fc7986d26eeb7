import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { multiRegionTrails, recordsAllManagementEvents } from './trails.ts';

export default defineCheck({
  id: 'cloudtrail-multi-region-logging',
  aliases: ['CloudTrail.1', 'CloudTrail.3', 'AVD-AWS-0014'],
  service: 'cloudtrail',
  resource: 'account',
  severity: 'high',
  title: 'At least one multi-region CloudTrail trail is logging management read and write events',
  description:
    'A multi-region trail records the management events of every region, including regions nobody uses, where an attacker would start resources unseen. The trail must also be logging (a stopped trail records nothing) and record management events, both reads and writes: a write-only trail misses the reconnaissance (List*, Describe*, Get*) that precedes an attack (CIS AWS 3.1).',
  remediation: {
    terraform: `resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.trail.arn

  event_selector {
    read_write_type           = "All"
    include_management_events = true
  }
}`,
    cli: `aws cloudtrail create-trail --name main --s3-bucket-name TRAIL_BUCKET --is-multi-region-trail --enable-log-file-validation
aws cloudtrail put-event-selectors --trail-name main --event-selectors '[{"ReadWriteType":"All","IncludeManagementEvents":true}]'
aws cloudtrail start-logging --name main`,
    console:
      'CloudTrail console > Trails > Create trail (every trail created in the console is multi-region) > choose the bucket > Create; for an existing trail: Trails > NAME > Start logging, and Management events > Edit > API activity: Read and Write.',
  },
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1',
  ],
  needs: ['cloudtrail:DescribeTrails'],
  triggers: ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StopLogging', 'StartLogging'],
  evaluate(_account, { state }) {
    const trails = multiRegionTrails(state);
    const verdicts = trails.map((t) => ({ trail: t, verdict: recordsAllManagementEvents(t) }));
    const recording = verdicts.filter((v) => v.verdict.kind === 'records').map((v) => v.trail.name);
    if (recording.length > 0)
      return pass(`multi-region trail ${recording.join(', ')} is logging management read and write events`);
    const unreadable = verdicts.flatMap((v) => (v.verdict.kind === 'unreadable' ? [v.verdict.why] : []));
    if (unreadable.length > 0)
      return inconclusive(
        'cannot tell whether the multi-region trail records management events',
        unreadable.join('; '),
      );
    if (trails.length > 0) return fail(verdicts.map((v) => (v.verdict.kind === 'not' ? v.verdict.why : '')).join('; '));
    const single = state.cloudtrail.trails.length;
    return fail(
      single > 0 ? `no multi-region trail (only ${single} single-region trail(s))` : 'no CloudTrail trail at all',
    );
  },
});
