/**
 * What one posture scan changes in the findings the store already holds. Pure, so that every rule of honest
 * resolution is tested in a table:
 * - a finding is resolved only by a result of the same check on the same resource with status `pass`;
 * - `unknown` (access denied, not collected, throttled) keeps it open, as does a scan that did not run the check
 *   or did not look at the finding's account or region;
 * - a partial scan (collection interrupted) records what it saw and resolves nothing;
 * - a resource absent from a complete scan that ran the check in its account and region, with no failed listing
 *   (a gap, reported as an `unknown` result on a wildcard ARN) that could hide it, is resolved as `deleted`.
 */
import { fingerprint } from '../findings/fingerprint.ts';
import type { Result } from '../findings/result.ts';
import type { FindingState, ObservedVerdict } from './schema.ts';

/** What the store knows of one finding before the scan. */
export interface KnownFinding {
  fingerprint: string;
  checkId: string;
  resourceArn: string;
  accountId: string;
  region: string;
  state: FindingState;
  verdict: ObservedVerdict;
}

export interface ScanScope {
  partial: boolean;
  /** the checks the scan ran (a check that found no resource still ran) */
  checks: ReadonlySet<string>;
  /**
   * a targeted rescan (`watch`): the only resources it looked at, so the only ones whose absence says they are gone;
   * without it the scan looked at every resource of its accounts and regions
   */
  resources?: ReadonlySet<string>;
  /**
   * resources a targeted rescan found gone (absent from a listing that succeeded): their open findings of the checks
   * it ran are resolved as deleted, whatever accounts and regions the results cover (a gone resource has none)
   */
  absent?: ReadonlySet<string>;
}

export interface ObservedFinding {
  fingerprint: string;
  result: Result;
  verdict: 'fail' | 'unknown' | 'accepted';
}

export interface ScanChanges {
  /** first time seen failing, unknown or accepted */
  created: ObservedFinding[];
  /** known and seen again (last seen moves); `changed` when the verdict differs or it was resolved */
  seen: Array<ObservedFinding & { changed: boolean }>;
  /** resolved by this scan: a `pass`, or the resource gone */
  resolved: Array<{ fingerprint: string; verdict: 'pass' | 'deleted'; message: string }>;
}

/** A gap result: an `unknown` on a wildcard ARN standing for whatever a failed listing hid. */
export function isGap(result: Result): boolean {
  return result.resource.arn.includes('*');
}

function gapHides(gap: Result, finding: KnownFinding): boolean {
  const prefix = gap.resource.arn.slice(0, gap.resource.arn.indexOf('*'));
  return gap.checkId === finding.checkId && finding.resourceArn.startsWith(prefix);
}

/** The accounts and regions a scan evaluated something in: the only places where it can say a resource is gone. */
export function scopeOf(results: readonly Result[]): { accounts: string[]; regions: string[] } {
  const accounts = new Set<string>();
  const regions = new Set<string>();
  for (const r of results) {
    accounts.add(r.accountId);
    regions.add(r.resource.region);
  }
  return { accounts: [...accounts].sort(), regions: [...regions].sort() };
}

export function computeChanges(
  known: ReadonlyMap<string, KnownFinding>,
  scope: ScanScope,
  results: readonly Result[],
): ScanChanges {
  const changes: ScanChanges = { created: [], seen: [], resolved: [] };
  const { accounts, regions } = scopeOf(results);
  const inAccounts = new Set(accounts);
  const inRegions = new Set(regions);
  const gaps = results.filter(isGap);
  const present = new Set<string>();
  const evaluated = new Set<string>();
  for (const result of results) {
    if (isGap(result)) continue;
    present.add(result.resource.arn);
    const id = fingerprint(result.checkId, result.resource.arn);
    evaluated.add(id);
    const previous = known.get(id);
    if (result.status === 'pass') {
      if (previous?.state === 'open' && !scope.partial) {
        changes.resolved.push({ fingerprint: id, verdict: 'pass', message: result.message });
      }
      continue;
    }
    const observed: ObservedFinding = { fingerprint: id, result, verdict: result.status };
    if (!previous) changes.created.push(observed);
    else
      changes.seen.push({
        ...observed,
        changed: previous.state === 'resolved' || previous.verdict !== result.status,
      });
  }
  if (scope.partial) return changes;
  for (const finding of known.values()) {
    if (finding.state !== 'open' || evaluated.has(finding.fingerprint)) continue;
    if (!scope.checks.has(finding.checkId)) continue;
    if (scope.absent?.has(finding.resourceArn)) {
      changes.resolved.push({
        fingerprint: finding.fingerprint,
        verdict: 'deleted',
        message: 'resource deleted: absent from the listing of a rescan',
      });
      continue;
    }
    if (scope.resources && !scope.resources.has(finding.resourceArn)) continue;
    if (!inAccounts.has(finding.accountId) || !inRegions.has(finding.region)) continue;
    // the resource is there but this check said nothing about it: nothing can be concluded
    if (present.has(finding.resourceArn)) continue;
    if (gaps.some((gap) => gapHides(gap, finding))) continue;
    changes.resolved.push({
      fingerprint: finding.fingerprint,
      verdict: 'deleted',
      message: 'resource deleted: absent from a complete listing',
    });
  }
  return changes;
}
