/**
 * Change-triggered rescans ride on the detection engine: the CloudTrail event names the checks declare as
 * `triggers` become two more rules (S3's buckets, then every other service), so an event is matched once, on the
 * same worker threads, by the same pre-filter. Their matches are never alerts: `watch` takes them off the alert path
 * and rescans what they name: the bucket, the one resource a service's keyed read can collect, or else the service
 * in the event's region (see planRescans).
 */
import type { Alert, RuleSource } from '../detect/engine/index.ts';
import type { Check } from '../checks/define-check.ts';
import type { ChangeEvent, KeyedRead, ServiceDeclaration } from '../services/define-service.ts';
import { SERVICES } from '../services/registry.ts';

export const RESCAN_TAG = 'cloudwarden_rescan';
const RULE = 'cloudwarden watch: bucket changed';
const CHANGE_RULE = 'cloudwarden watch: resource changed';

/** The checks a bucket rescan re-evaluates: S3's per-bucket checks. */
export function bucketChecks(checks: readonly Check[]): Check[] {
  return checks.filter((c) => c.service === 's3' && c.resource === 's3-bucket');
}

/** The event names the bucket rule takes: the bucket checks' triggers, and DeleteBucket. */
function bucketEventNames(checks: readonly Check[]): string[] {
  const triggers = bucketChecks(checks).flatMap((c) => c.triggers);
  // DeleteBucket changes every check of the bucket: the rescan finds it gone and resolves its findings as deleted
  return triggers.length === 0 ? [] : [...new Set([...triggers, 'DeleteBucket'])].sort();
}

/**
 * The event names the change rule takes: every other check's triggers and the deletions keyed reads resolve, less
 * the bucket rule's unless an S3 account check lists it too (a bucket event re-evaluates the bucket's checks; see
 * docs/watch.md for the checks of other services that also list one).
 */
export function changeEventNames(
  checks: readonly Check[],
  services: readonly ServiceDeclaration[] = SERVICES,
): string[] {
  const bucket = new Set(bucketEventNames(checks));
  const buckets = new Set(bucketChecks(checks));
  const others = checks.filter((c) => !buckets.has(c));
  // a bucket call is an S3 event, which only S3's own checks act on (planRescans): S3's account checks
  const s3 = new Set(others.filter((c) => c.service === 's3').flatMap((c) => c.triggers));
  const names = [
    ...others.flatMap((c) => c.triggers),
    ...services.flatMap((s) => (s.keyed ?? []).flatMap((read) => read.deletedBy ?? [])),
  ];
  return [...new Set(names)].filter((name) => !bucket.has(name) || s3.has(name)).sort();
}

/** The rule source, or undefined when no check declares a trigger. */
export function rescanRuleSource(checks: readonly Check[]): RuleSource | undefined {
  const names = bucketEventNames(checks);
  const changes = changeEventNames(checks);
  if (names.length === 0 && changes.length === 0) return undefined;
  // a failed call changed nothing; the names are AWS API names, safe in a Falco list as they are
  const bucketRule = `- rule: '${RULE}'
  desc: A call that can change the verdict of a bucket check (their declared triggers) succeeded.
  condition: ct.name in (${names.join(', ')}) and not ct.error exists and s3.bucket exists
  output: 'bucket=%s3.bucket account=%ct.recipientaccountid region=%ct.region'
  priority: DEBUG
  tags: [${RESCAN_TAG}]
  source: aws_cloudtrail
`;
  // the request, response and resources go whole to planRescans, which reads the ids each service's keyed read needs
  const changeRule = `- rule: '${CHANGE_RULE}'
  desc: A call that can change the verdict of a check of another service (their declared triggers) succeeded.
  condition: ct.name in (${changes.join(', ')}) and not ct.error exists
  output: 'account=%ct.recipientaccountid region=%ct.region source=%ct.src request=%ct.request response=%ct.response resources=%ct.resources'
  priority: DEBUG
  tags: [${RESCAN_TAG}]
  source: aws_cloudtrail
`;
  const text = (names.length > 0 ? bucketRule : '') + (changes.length > 0 ? changeRule : '');
  return { file: '<watch: check triggers>', text };
}

export interface BucketRescanRequest {
  bucket: string;
  account: string | null;
  event: string | null;
  eventTime: string;
}

/** A change to a resource of a service other than S3's buckets: planRescans says what is collected again. */
export interface ChangeRescanRequest {
  change: ChangeEvent;
  /** the event's eventSource (`ec2.amazonaws.com`) */
  source: string | null;
  region: string | null;
  account: string | null;
  event: string | null;
  eventTime: string;
}

export type RescanRequest = BucketRescanRequest | ChangeRescanRequest;

/** A field holding JSON text (`ct.request`); absent fields read as nothing. */
function jsonField(value: unknown): unknown {
  if (typeof value !== 'string' || value === '' || value === '<NA>') return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

/** What a rescan match names; undefined for an ordinary alert. */
export function rescanRequest(alert: Alert): RescanRequest | undefined {
  if (!alert.tags.includes(RESCAN_TAG)) return undefined;
  if (alert.rule === CHANGE_RULE) {
    const fields = alert.output_fields;
    const source = fields['ct.src'];
    return {
      change: {
        name: alert.eventName ?? '',
        requestParameters: jsonField(fields['ct.request']),
        responseElements: jsonField(fields['ct.response']),
        resources: jsonField(fields['ct.resources']),
      },
      source: typeof source === 'string' && source !== '<NA>' ? source : null,
      region: alert.awsRegion,
      account: alert.recipientAccountId,
      event: alert.eventName,
      eventTime: alert.time,
    };
  }
  if (alert.rule !== RULE) return undefined;
  const bucket = alert.output_fields['s3.bucket'];
  if (typeof bucket !== 'string' || bucket === '') return undefined;
  return { bucket, account: alert.recipientAccountId, event: alert.eventName, eventTime: alert.time };
}

/** One resource collected alone by its service's keyed read. */
export interface KeyedTarget {
  service: string;
  region: string;
  read: KeyedRead;
  key: string;
}

/**
 * A service collected whole (it has no keyed read for the resource, or the event named no id): in the event's
 * region, or in every region when a check of the account as a whole is among `checks` (its verdict weighs every
 * region), or once for a global service (`region: 'global'`).
 */
export interface SweepTarget {
  service: string;
  region: string;
  /** the checks re-evaluated (the triggered ones that can be, see planRescans) */
  checks: string[];
  /** the services collected: the service and those the checks' `needs` name */
  services: string[];
}

export type RescanTarget = ({ keyed: KeyedTarget } | { sweep: SweepTarget }) & {
  /** coalescing key: (service, region, resource) */
  slot: string;
};

/** Every region, for a sweep whose checks judge the account as a whole. */
export const ALL_REGIONS = '*';

/** The services a check's `needs` name (`ec2:DescribeInstances` -> ec2) that cloudwarden declares. */
function servicesNeeded(check: Check, services: readonly ServiceDeclaration[]): string[] {
  const names = new Set(services.map((s) => s.name));
  return [...new Set(check.needs.map((n) => n.slice(0, n.indexOf(':'))))].filter((n) => names.has(n));
}

/** The checks a keyed read re-evaluates: those of its kind that need nothing its operations do not answer. */
export function keyedChecks(
  checks: readonly Check[],
  service: ServiceDeclaration,
  read: KeyedRead,
  operations: readonly string[],
): Check[] {
  const answered = new Set(operations.map((op) => `${service.name}:${op}`));
  return checks.filter(
    (c) => c.service === service.name && c.resource === read.kind && c.needs.every((n) => answered.has(n)),
  );
}

/**
 * What an event makes `watch` collect again. The checks it triggers are those listing its name (and, for the
 * deletion a keyed read declares, every check of that kind), less the bucket checks (the bucket rule's) and any
 * check of another service when the event is an S3 call (S3 events only rescan S3). Per service: a check a keyed
 * read covers is re-evaluated on each resource the event names; the others by a sweep of the service. A grouped
 * service (S3) is swept without its per-resource groups, whose checks are the bucket rule's.
 */
export function planRescans(
  request: ChangeRescanRequest,
  checks: readonly Check[],
  keyedOps: (service: ServiceDeclaration, read: KeyedRead) => readonly string[],
  services: readonly ServiceDeclaration[] = SERVICES,
): RescanTarget[] {
  const name = request.change.name;
  const buckets = new Set(bucketChecks(checks));
  const fromS3 = request.source === 's3.amazonaws.com';
  const deletes = new Set(
    services.flatMap((s) =>
      (s.keyed ?? []).filter((r) => r.deletedBy?.includes(name)).map((r) => `${s.name} ${r.kind}`),
    ),
  );
  const triggered = checks.filter(
    (c) =>
      !buckets.has(c) &&
      (!fromS3 || c.service === 's3') &&
      (c.triggers.includes(name) || deletes.has(`${c.service} ${c.resource}`)),
  );
  const targets: RescanTarget[] = [];
  for (const service of services) {
    const own = triggered.filter((c) => c.service === service.name);
    if (own.length === 0) continue;
    const region = service.scope === 'global' || service.groupedResources ? 'global' : (request.region ?? 'global');
    let rest = own;
    for (const read of service.keyed ?? []) {
      const covered = new Set(keyedChecks(own, service, read, keyedOps(service, read)));
      const keys = covered.size > 0 ? read.keys(request.change) : [];
      if (keys.length === 0) continue;
      rest = rest.filter((c) => !covered.has(c));
      for (const key of keys)
        targets.push({
          keyed: { service: service.name, region, read, key },
          slot: `${service.name} ${region} ${read.kind} ${key}`,
        });
    }
    // a sweep collects grouped services (S3) without their per-resource groups: a check that reads another
    // service's groups is left to the next scheduled scan
    const grouped = new Set(services.filter((s) => s.groupedResources && s !== service).map((s) => s.name));
    const sweep = rest.filter((c) => !servicesNeeded(c, services).some((n) => grouped.has(n)));
    if (sweep.length === 0) continue;
    const wide = service.scope === 'regional' && sweep.some((c) => c.resource === 'account');
    const at = wide ? ALL_REGIONS : region;
    targets.push({
      sweep: {
        service: service.name,
        region: at,
        checks: sweep.map((c) => c.id),
        services: [...new Set([service.name, ...sweep.flatMap((c) => servicesNeeded(c, services))])].sort(),
      },
      slot: `${service.name} ${at} *`,
    });
  }
  return targets;
}
