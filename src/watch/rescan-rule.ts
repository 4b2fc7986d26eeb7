/**
 * Change-triggered rescans ride on the detection engine: the CloudTrail event names the bucket checks declare as
 * `triggers` become one more rule, so an event is matched once, on the same worker threads, by the same pre-filter.
 * Its matches are never alerts: `watch` takes them off the alert path and rescans the bucket they name.
 */
import type { Alert, RuleSource } from '../detect/engine/index.ts';
import type { Check } from '../checks/define-check.ts';

export const RESCAN_TAG = 'cloudwarden_rescan';
const RULE = 'cloudwarden watch: bucket changed';

/** The checks a bucket rescan re-evaluates: S3's per-bucket checks. */
export function bucketChecks(checks: readonly Check[]): Check[] {
  return checks.filter((c) => c.service === 's3' && c.resource === 's3-bucket');
}

/** The rule source, or undefined when no check declares a trigger. */
export function rescanRuleSource(checks: readonly Check[]): RuleSource | undefined {
  // DeleteBucket changes every check of the bucket: the rescan finds it gone and resolves its findings as deleted
  const triggers = bucketChecks(checks).flatMap((c) => c.triggers);
  if (triggers.length === 0) return undefined;
  const names = [...new Set([...triggers, 'DeleteBucket'])].sort();
  if (names.length === 0) return undefined;
  // a failed call changed nothing; the names are AWS API names, safe in a Falco list as they are
  const text = `- rule: '${RULE}'
  desc: A call that can change the verdict of a bucket check (their declared triggers) succeeded.
  condition: ct.name in (${names.join(', ')}) and not ct.error exists and s3.bucket exists
  output: 'bucket=%s3.bucket account=%ct.recipientaccountid region=%ct.region'
  priority: DEBUG
  tags: [${RESCAN_TAG}]
  source: aws_cloudtrail
`;
  return { file: '<watch: check triggers>', text };
}

export interface RescanRequest {
  bucket: string;
  account: string | null;
  event: string | null;
  eventTime: string;
}

/** The bucket a rescan match names; undefined for an ordinary alert. */
export function rescanRequest(alert: Alert): RescanRequest | undefined {
  if (alert.rule !== RULE || !alert.tags.includes(RESCAN_TAG)) return undefined;
  const bucket = alert.output_fields['s3.bucket'];
  if (typeof bucket !== 'string' || bucket === '') return undefined;
  return { bucket, account: alert.recipientAccountId, event: alert.eventName, eventTime: alert.time };
}
