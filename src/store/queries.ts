/**
 * The reading side of the store, shared by the CLI (`findings`, `history`, `diff`) and the dashboard's API:
 * filters and pagination are arguments, never SQL fragments, and every query runs unchanged on both engines.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { StoreDb } from './open.ts';
import type { FindingsTable, ObservedVerdict, StoreSchema } from './schema.ts';

/** How a finding stands today: `accepted` (an accept-file entry or a live dashboard acceptance) beats `open`. */
export type FindingStatus = 'open' | 'resolved' | 'accepted';
export const FINDING_STATUSES: readonly FindingStatus[] = ['open', 'resolved', 'accepted'];

export interface FindingQuery {
  statuses?: readonly FindingStatus[];
  /** last seen at or after this ISO time */
  since?: string;
  accounts?: readonly string[];
  regions?: readonly string[];
  checks?: readonly string[];
  severities?: readonly string[];
  resourceArn?: string;
  /** `today` decides which dashboard acceptances have expired (YYYY-MM-DD) */
  today: string;
  limit?: number;
  offset?: number;
}

export interface StoredFinding {
  fingerprint: string;
  checkId: string;
  resourceArn: string;
  resourceType: string;
  accountId: string;
  region: string;
  severity: string;
  title: string;
  status: FindingStatus;
  verdict: ObservedVerdict;
  message: string;
  firstSeen: string;
  lastSeen: string;
  resolvedAt: string | null;
}

type FindingsEb = ExpressionBuilder<StoreSchema, 'findings'>;

/** A live acceptance made in the dashboard covers the finding. */
function acceptedInUi(eb: FindingsEb, today: string) {
  return eb.exists(
    eb
      .selectFrom('acceptances')
      .select('acceptances.fingerprint')
      .whereRef('acceptances.fingerprint', '=', 'findings.fingerprint')
      .where('acceptances.origin', '=', 'ui')
      .where('acceptances.revoked_at', 'is', null)
      .where((w) => w.or([w('acceptances.expires', 'is', null), w('acceptances.expires', '>=', today)])),
  );
}

function statusIs(eb: FindingsEb, status: FindingStatus, today: string) {
  if (status === 'resolved') return eb('findings.state', '=', 'resolved');
  const accepted = eb.or([eb('findings.verdict', '=', 'accepted'), acceptedInUi(eb, today)]);
  return eb.and([eb('findings.state', '=', 'open'), status === 'accepted' ? accepted : eb.not(accepted)]);
}

function filtered(db: Kysely<StoreSchema>, query: FindingQuery) {
  let q = db.selectFrom('findings');
  if (query.statuses?.length) {
    const statuses = query.statuses;
    q = q.where((eb) => eb.or(statuses.map((s) => statusIs(eb, s, query.today))));
  }
  if (query.since) q = q.where('last_seen', '>=', query.since);
  if (query.accounts?.length) q = q.where('account_id', 'in', query.accounts);
  if (query.regions?.length) q = q.where('region', 'in', query.regions);
  if (query.checks?.length) q = q.where('check_id', 'in', query.checks);
  if (query.severities?.length) q = q.where('severity', 'in', query.severities);
  if (query.resourceArn) q = q.where('resource_arn', '=', query.resourceArn);
  return q;
}

function toStored(row: FindingsTable & { ui_accepted: number | string | boolean }): StoredFinding {
  const accepted = row.verdict === 'accepted' || Number(row.ui_accepted) === 1 || row.ui_accepted === true;
  return {
    fingerprint: row.fingerprint,
    checkId: row.check_id,
    resourceArn: row.resource_arn,
    resourceType: row.resource_type,
    accountId: row.account_id,
    region: row.region,
    severity: row.severity,
    title: row.title,
    status: row.state === 'resolved' ? 'resolved' : accepted ? 'accepted' : 'open',
    verdict: row.verdict,
    message: row.message,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    resolvedAt: row.resolved_at,
  };
}

/** One page of findings, newest last-seen first (then by resource and check, so pages are stable). */
export async function listFindings(store: StoreDb, query: FindingQuery): Promise<StoredFinding[]> {
  let q = filtered(store.db, query)
    .selectAll('findings')
    .select((eb) => eb.case().when(acceptedInUi(eb, query.today)).then(1).else(0).end().as('ui_accepted'))
    .orderBy('last_seen', 'desc')
    .orderBy('resource_arn')
    .orderBy('check_id');
  if (query.limit !== undefined) q = q.limit(query.limit).offset(query.offset ?? 0);
  const rows = await q.execute();
  return rows.map(toStored);
}

/** How many findings the filters select (for the dashboard's pagination). */
export async function countFindings(store: StoreDb, query: FindingQuery): Promise<number> {
  const row = await filtered(store.db, query)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface HistoryEntry {
  at: string;
  scanId: number;
  checkId: string;
  severity: string;
  verdict: ObservedVerdict;
  message: string;
}

/** Every change of every check on one resource, oldest first. */
export async function resourceHistory(store: StoreDb, resourceArn: string): Promise<HistoryEntry[]> {
  const rows = await store.db
    .selectFrom('finding_events')
    .innerJoin('findings', 'findings.fingerprint', 'finding_events.fingerprint')
    .select([
      'finding_events.at',
      'finding_events.scan_id',
      'findings.check_id',
      'findings.severity',
      'finding_events.verdict',
      'finding_events.message',
    ])
    .where('findings.resource_arn', '=', resourceArn)
    .orderBy('finding_events.scan_id')
    .orderBy('findings.check_id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    scanId: Number(r.scan_id),
    checkId: r.check_id,
    severity: r.severity,
    verdict: r.verdict,
    message: r.message,
  }));
}

export interface StoredScan {
  id: number;
  source: string;
  startedBy: string;
  startedAt: string;
  collectedAt: string;
  accounts: string[];
  regions: string[];
  services: string[];
  partial: boolean;
  snapshotDigest: string;
  resultCount: number;
}

/** The scan with this number, or undefined. */
export async function getScan(store: StoreDb, id: number): Promise<StoredScan | undefined> {
  const row = await store.db.selectFrom('scans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: Number(row.id),
    source: row.source,
    startedBy: row.started_by,
    startedAt: row.started_at,
    collectedAt: row.collected_at,
    accounts: JSON.parse(row.accounts) as string[],
    regions: JSON.parse(row.regions) as string[],
    services: JSON.parse(row.services) as string[],
    partial: row.partial === 1,
    snapshotDigest: row.snapshot_digest,
    resultCount: Number(row.result_count),
  };
}

/** The most recent scans, newest first. */
export async function listScans(store: StoreDb, limit: number): Promise<StoredScan[]> {
  const rows = await store.db.selectFrom('scans').select('id').orderBy('id', 'desc').limit(limit).execute();
  const scans = await Promise.all(rows.map((r) => getScan(store, Number(r.id))));
  return scans.filter((s) => s !== undefined);
}
