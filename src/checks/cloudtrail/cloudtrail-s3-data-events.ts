import { unreadableReason } from '../../model/observed.ts';
import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { multiRegionTrails, s3DataEventCoverage, type Coverage } from './trails.ts';

export default defineCheck({
  id: 'cloudtrail-s3-data-events',
  aliases: ['S3.22', 'S3.23', 'AVD-AWS-0171', 'AVD-AWS-0172'],
  service: 'cloudtrail',
  resource: 'account',
  severity: 'medium',
  title: 'A logging multi-region trail records S3 object reads and writes for all buckets',
  description:
    'Management events do not include GetObject, PutObject or DeleteObject. Without S3 data events nobody can tell which objects were read, overwritten or deleted, by whom, from where: the evidence an incident or a malware-upload investigation needs. A logging multi-region trail must select `AWS::S3::Object` for every bucket (basic selector value `arn:aws:s3`, or an advanced selector on `resources.type = AWS::S3::Object` with no `resources.ARN` condition), for reads and for writes (CIS AWS 3.8/3.9 in v3.0; Security Hub S3.22 writes, S3.23 reads).',
  remediation: {
    terraform: `resource "aws_cloudtrail" "main" {
  # ...
  advanced_event_selector {
    name = "S3 object reads and writes, all buckets"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
}`,
    cli: `aws cloudtrail put-event-selectors --trail-name TRAIL --advanced-event-selectors '[{"Name":"S3 data events","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]}]}]'`,
    console:
      'CloudTrail console > Trails > TRAIL > Data events > Edit > Data event type: S3 > Log selector template: Log all events > Save changes. (Data events are charged per event.)',
  },
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-22',
  ],
  needs: ['cloudtrail:DescribeTrails'],
  triggers: ['PutEventSelectors', 'CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StopLogging', 'StartLogging'],
  evaluate(_account, { state }) {
    const covered = new Set<Coverage>();
    const unreadable: string[] = [];
    const contributing: string[] = [];
    for (const trail of multiRegionTrails(state)) {
      const reason = unreadableReason(trail.status) ?? unreadableReason(trail.selectors);
      if (reason) {
        unreadable.push(`${trail.name}: ${reason}`);
        continue;
      }
      if (trail.status.kind !== 'present' || !trail.status.value.isLogging || trail.selectors.kind !== 'present')
        continue;
      const coverage = s3DataEventCoverage(trail.selectors.value);
      if (coverage.size > 0) contributing.push(trail.name);
      for (const c of coverage) covered.add(c);
    }
    if (covered.has('read') && covered.has('write'))
      return pass(`S3 object reads and writes of all buckets are recorded by ${contributing.join(', ')}`);
    if (unreadable.length > 0)
      return inconclusive('cannot tell which S3 data events are recorded', unreadable.join('; '));
    const missing = (['read', 'write'] as const).filter((c) => !covered.has(c));
    return fail(`no logging multi-region trail records S3 object ${missing.join(' or ')} events for all buckets`);
  },
});
