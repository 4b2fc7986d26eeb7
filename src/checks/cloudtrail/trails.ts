import type { AccountState } from '../../model/account-state.ts';
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
