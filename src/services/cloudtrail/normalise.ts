import type { Gap } from '../../model/resource.ts';
import type { NormaliseContext } from '../define-state.ts';
import type { CloudTrailState, CloudTrailTrail, EventSelectors } from './model.ts';
import type { CloudTrailRegionEntry, CloudTrailSection } from './schema.ts';
import { listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe } from '../../model/observed.ts';

type Listed = NonNullable<
  Extract<NonNullable<CloudTrailRegionEntry['DescribeTrails']>, { trailList: unknown }>['trailList']
>[number];

/**
 * The `cloudtrail` section as one list of trails. Every region's DescribeTrails lists the multi-region trails
 * too; a trail is kept once, from its home region's listing when there is one, with the status and selectors
 * its home region answered.
 */
export function normaliseCloudTrail(
  section: CloudTrailSection,
  context: NormaliseContext,
): { cloudtrail: CloudTrailState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: CloudTrailState = { trails: [], listings: {} };
  const byArn = new Map<string, { listed: Listed; seenIn: string }>();
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const result = listing(
      entry.DescribeTrails,
      { operation: 'cloudtrail:DescribeTrails', region },
      [context.hidden('cloudtrail-trail', region)],
      gaps,
      (r) => r.trailList,
    );
    state.listings[region] = result.observed;
    for (const trail of result.items) {
      const known = byArn.get(trail.TrailARN);
      if (!known || trail.HomeRegion === region) byArn.set(trail.TrailARN, { listed: trail, seenIn: region });
    }
  }
  for (const [arn, { listed, seenIn }] of [...byArn.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const home = listed.HomeRegion ?? seenIn;
    const entry = section[home] ?? {};
    const trail: CloudTrailTrail = {
      kind: 'cloudtrail-trail',
      arn,
      region: home,
      accountId: arn.split(':')[4] || context.accountId,
      name: listed.Name ?? arn.split('/').pop() ?? arn,
      isMultiRegion: listed.IsMultiRegionTrail === true,
      isOrganizationTrail: listed.IsOrganizationTrail === true,
      logFileValidation: listed.LogFileValidationEnabled === true,
      ...(listed.KmsKeyId ? { kmsKeyId: listed.KmsKeyId } : {}),
      ...(listed.S3BucketName ? { s3BucketName: listed.S3BucketName } : {}),
      ...(listed.CloudWatchLogsLogGroupArn ? { cloudWatchLogsLogGroupArn: listed.CloudWatchLogsLogGroupArn } : {}),
      status: observe(entry.GetTrailStatus?.[arn], 'cloudtrail:GetTrailStatus', [], (r) => ({
        isLogging: r.IsLogging === true,
      })),
      selectors: observe(entry.GetEventSelectors?.[arn], 'cloudtrail:GetEventSelectors', [], (r): EventSelectors => ({
        basic: (r.EventSelectors ?? []).map((s) => ({
          readWriteType: s.ReadWriteType ?? 'All',
          includeManagementEvents: s.IncludeManagementEvents !== false,
          dataResources: (s.DataResources ?? []).map((d) => ({
            ...(d.Type ? { type: d.Type } : {}),
            values: d.Values ?? [],
          })),
        })),
        advanced: (r.AdvancedEventSelectors ?? []).map((s) => ({
          ...(s.Name ? { name: s.Name } : {}),
          fieldSelectors: s.FieldSelectors.map((f) => ({
            field: f.Field,
            ...(f.Equals ? { equals: f.Equals } : {}),
            ...(f.StartsWith ? { startsWith: f.StartsWith } : {}),
            ...(f.EndsWith ? { endsWith: f.EndsWith } : {}),
            ...(f.NotEquals ? { notEquals: f.NotEquals } : {}),
            ...(f.NotStartsWith ? { notStartsWith: f.NotStartsWith } : {}),
            ...(f.NotEndsWith ? { notEndsWith: f.NotEndsWith } : {}),
          })),
        })),
      })),
    };
    state.trails.push(trail);
  }
  return { cloudtrail: state, gaps };
}
