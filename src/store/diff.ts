/**
 * `cloudwarden diff A B`: how the findings stood after scan A and after scan B, from the change history (one
 * event per change of verdict, so "as of a scan" is the last event at or before it).
 */
import { UserError } from '../errors.ts';
import type { StoreDb } from './open.ts';
import { getScan, type StoredScan } from './queries.ts';
import type { ObservedVerdict } from './schema.ts';
import { chunks } from './batches.ts';

export interface DiffEntry {
  checkId: string;
  resourceArn: string;
  accountId: string;
  region: string;
  severity: string;
  before: ObservedVerdict | null;
  after: ObservedVerdict | null;
}

export interface ScanDiff {
  from: StoredScan;
  to: StoredScan;
  /** failing after B, not failing after A */
  new: DiffEntry[];
  /** open after A (failing, unknown or accepted), resolved after B */
  resolved: DiffEntry[];
  /** failing after both */
  unchanged: DiffEntry[];
  /** unknown after B, something else (or nothing) after A */
  newlyUnknown: DiffEntry[];
}

const OPEN: ReadonlySet<ObservedVerdict | null> = new Set(['fail', 'unknown', 'accepted']);
const RESOLVED: ReadonlySet<ObservedVerdict | null> = new Set(['pass', 'deleted']);

async function requireScan(store: StoreDb, id: number): Promise<StoredScan> {
  const scan = await getScan(store, id);
  if (!scan) throw new UserError(`no scan ${id} in ${store.name} (list them with \`cloudwarden db scans\`)`);
  return scan;
}

export async function diffScans(store: StoreDb, fromId: number, toId: number): Promise<ScanDiff> {
  const from = await requireScan(store, fromId);
  const to = await requireScan(store, toId);
  const accounts = [...new Set([...from.accounts, ...to.accounts])];
  const last = Math.max(fromId, toId);
  const states = new Map<string, DiffEntry>();
  for (const part of chunks(accounts, 1_000)) {
    const rows = await store.db
      .selectFrom('finding_events')
      .innerJoin('findings', 'findings.fingerprint', 'finding_events.fingerprint')
      .select([
        'finding_events.fingerprint',
        'finding_events.scan_id',
        'finding_events.verdict',
        'findings.check_id',
        'findings.resource_arn',
        'findings.account_id',
        'findings.region',
        'findings.severity',
      ])
      .where('findings.account_id', 'in', part)
      .where('finding_events.scan_id', '<=', last)
      .orderBy('finding_events.scan_id')
      .execute();
    for (const row of rows) {
      const entry = states.get(row.fingerprint) ?? {
        checkId: row.check_id,
        resourceArn: row.resource_arn,
        accountId: row.account_id,
        region: row.region,
        severity: row.severity,
        before: null,
        after: null,
      };
      const scanId = Number(row.scan_id);
      if (scanId <= fromId) entry.before = row.verdict;
      if (scanId <= toId) entry.after = row.verdict;
      states.set(row.fingerprint, entry);
    }
  }
  const diff: ScanDiff = { from, to, new: [], resolved: [], unchanged: [], newlyUnknown: [] };
  const entries = [...states.values()].sort(
    (a, b) => a.resourceArn.localeCompare(b.resourceArn) || a.checkId.localeCompare(b.checkId),
  );
  for (const entry of entries) {
    if (entry.after === 'fail' && entry.before !== 'fail') diff.new.push(entry);
    if (entry.after === 'fail' && entry.before === 'fail') diff.unchanged.push(entry);
    if (OPEN.has(entry.before) && RESOLVED.has(entry.after)) diff.resolved.push(entry);
    if (entry.after === 'unknown' && entry.before !== 'unknown') diff.newlyUnknown.push(entry);
  }
  return diff;
}
