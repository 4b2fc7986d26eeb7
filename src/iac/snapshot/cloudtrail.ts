import type { CodeResource } from '../code-resource.ts';
import { type IacEvidence } from '../evidence.ts';
import type { SourceSpan, Value } from '../values.ts';
import { regionEntry } from './regional.ts';

export const CLOUDTRAIL_OPERATIONS = [
  'cloudtrail:DescribeTrails',
  'cloudtrail:GetTrailStatus',
  'cloudtrail:GetEventSelectors',
] as const;

export interface TrailDraft {
  resource: CodeResource;
  name: string;
  /** the DescribeTrails item, without TrailARN/HomeRegion (added here) */
  item: Record<string, unknown>;
  isLogging: Value;
  selectors: { EventSelectors?: unknown; AdvancedEventSelectors?: unknown };
  selectorsSpan: SourceSpan;
}

/** DescribeTrails, GetTrailStatus and GetEventSelectors as CloudTrail would answer them for these trails. */
export function writeCloudTrail(trails: TrailDraft[], region: string, evidence: IacEvidence): void {
  if (trails.length === 0) return;
  const entry = regionEntry(evidence, 'cloudtrail', region);
  const status: Record<string, unknown> = {};
  const selectors: Record<string, unknown> = {};
  const list = trails.map((t) => {
    const arn = `arn:aws:cloudtrail:${region}:${evidence.accountId}:trail/${t.name}`;
    evidence.declareCode(arn, t.resource);
    evidence.source(arn, 'cloudtrail:DescribeTrails', t.resource.span);
    evidence.source(arn, 'cloudtrail:GetEventSelectors', t.selectorsSpan);
    status[arn] = evidence.listed(arn, 'cloudtrail:GetTrailStatus', { IsLogging: t.isLogging });
    selectors[arn] = evidence.listed(arn, 'cloudtrail:GetEventSelectors', { TrailARN: arn, ...t.selectors });
    return evidence.listed(arn, 'cloudtrail:DescribeTrails', {
      Name: t.name,
      TrailARN: arn,
      HomeRegion: region,
      ...t.item,
    });
  });
  entry.DescribeTrails = { trailList: list };
  // the account's verdicts (a multi-region trail, S3 data events) point at the first trail the code declares
  const first = trails[0] as TrailDraft;
  evidence.source('region', 'cloudtrail:DescribeTrails', first.resource.span);
  entry.GetTrailStatus = status;
  entry.GetEventSelectors = selectors;
}
