import type { AccountState } from '../../model/account-state.ts';
import { unreadableReason } from '../../model/observed.ts';
import type { CloudTrailTrail, EventSelectors, FieldSelector } from '../../services/cloudtrail/model.ts';

/** Trails that record every region: the ones account-wide controls (CIS 3.1, FSBP CloudTrail.1, S3.22/23) accept. */
export function multiRegionTrails(state: AccountState): CloudTrailTrail[] {
  return state.cloudtrail.trails.filter((t) => t.isMultiRegion);
}

export type Coverage = 'read' | 'write';

/** Basic selectors: an `AWS::S3::Object` data resource on `arn:aws:s3` (or `arn:aws:s3:::`) means every bucket. */
function basicCoverage(selectors: EventSelectors): Set<Coverage> {
  const covered = new Set<Coverage>();
  for (const selector of selectors.basic) {
    const allBuckets = selector.dataResources.some(
      (d) => d.type === 'AWS::S3::Object' && d.values.some((v) => /^arn:aws[a-z-]*:s3(:::)?$/.test(v)),
    );
    if (!allBuckets) continue;
    if (selector.readWriteType !== 'WriteOnly') covered.add('read');
    if (selector.readWriteType !== 'ReadOnly') covered.add('write');
  }
  return covered;
}

function only(field: FieldSelector): boolean {
  return !field.startsWith && !field.endsWith && !field.notEquals && !field.notStartsWith && !field.notEndsWith;
}

/**
 * Advanced selectors: `eventCategory = Data` and `resources.type = AWS::S3::Object`, with no condition on
 * `resources.ARN`; a `readOnly` field restricts the selector to reads or to writes.
 */
function advancedCoverage(selectors: EventSelectors): Set<Coverage> {
  const covered = new Set<Coverage>();
  for (const selector of selectors.advanced) {
    const fields = selector.fieldSelectors;
    const field = (name: string) => fields.find((f) => f.field === name);
    const category = field('eventCategory');
    const type = field('resources.type');
    if (!category?.equals?.includes('Data') || !type?.equals?.includes('AWS::S3::Object') || !only(type)) continue;
    if (field('resources.ARN')) continue;
    // any other condition (eventName, userIdentity…) narrows what is recorded
    if (fields.some((f) => !['eventCategory', 'resources.type', 'readOnly'].includes(f.field))) continue;
    const readOnly = field('readOnly');
    const value = readOnly?.equals?.[0];
    if (value === undefined || value === 'true') covered.add('read');
    if (value === undefined || value === 'false') covered.add('write');
  }
  return covered;
}

/** Which of S3 object reads and writes, for every bucket, the trail's selectors record. */
export function s3DataEventCoverage(selectors: EventSelectors): Set<Coverage> {
  return new Set([...basicCoverage(selectors), ...advancedCoverage(selectors)]);
}

/**
 * Which of management reads and writes the trail's selectors record. Basic selectors say it with
 * `IncludeManagementEvents` and `ReadWriteType`; advanced ones with `eventCategory = Management` and an optional
 * `readOnly` condition (an `eventSource` exclusion, e.g. of KMS, still records the rest).
 */
export function managementEventCoverage(selectors: EventSelectors): Set<Coverage> {
  const covered = new Set<Coverage>();
  for (const selector of selectors.basic) {
    if (!selector.includeManagementEvents) continue;
    if (selector.readWriteType !== 'WriteOnly') covered.add('read');
    if (selector.readWriteType !== 'ReadOnly') covered.add('write');
  }
  for (const selector of selectors.advanced) {
    const fields = selector.fieldSelectors;
    const category = fields.find((f) => f.field === 'eventCategory');
    if (!category?.equals?.includes('Management') || !only(category)) continue;
    const readOnly = fields.find((f) => f.field === 'readOnly');
    const value = readOnly?.equals?.[0] ?? readOnly?.notEquals?.map((v) => (v === 'true' ? 'false' : 'true'))[0];
    if (value === undefined || value === 'true') covered.add('read');
    if (value === undefined || value === 'false') covered.add('write');
  }
  return covered;
}

export type TrailVerdict = { kind: 'records' } | { kind: 'not'; why: string } | { kind: 'unreadable'; why: string };

/**
 * Whether a trail records every region's management events, reads and writes, now: multi-region, logging, and
 * selectors that include both. What a CIS 3.1 trail must be, and what the section 4 controls count on.
 */
export function recordsAllManagementEvents(trail: CloudTrailTrail): TrailVerdict {
  if (!trail.isMultiRegion) return { kind: 'not', why: `trail ${trail.name} is single-region` };
  if (trail.status.kind !== 'present') {
    return { kind: 'unreadable', why: `${trail.name}: ${unreadableReason(trail.status) ?? 'no status'}` };
  }
  if (!trail.status.value.isLogging) return { kind: 'not', why: `trail ${trail.name} is not logging (stopped)` };
  if (trail.selectors.kind !== 'present') {
    return { kind: 'unreadable', why: `${trail.name}: ${unreadableReason(trail.selectors) ?? 'no event selectors'}` };
  }
  const covered = managementEventCoverage(trail.selectors.value);
  if (covered.size === 2) return { kind: 'records' };
  const missing = (['read', 'write'] as const).filter((c) => !covered.has(c));
  return { kind: 'not', why: `trail ${trail.name} does not record management ${missing.join(' or ')} events` };
}
