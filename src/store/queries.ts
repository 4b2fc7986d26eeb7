/**
 * The reading side of the store, shared by the CLI (`findings`, `history`, `diff`) and the dashboard's API:
 * filters and pagination are arguments, never SQL fragments, and every query runs unchanged on both engines.
 */
import { sql, type ExpressionBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import { chunks, KEYS_PER_LIST } from './batches.ts';
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
  /** an empty list selects nothing (a service and a control that share no check) */
  checks?: readonly string[];
  severities?: readonly string[];
  /** the last verdict a scan observed: `fail` leaves out the unknowns */
  verdicts?: readonly ObservedVerdict[];
  /** every one of these tags on the resource, exact values */
  tags?: ReadonlyArray<{ key: string; value: string }>;
  resourceArn?: string;
  sort?: { by: FindingSortKey; descending: boolean };
  /** `today` decides which dashboard acceptances have expired (YYYY-MM-DD) */
  today: string;
  limit?: number;
  offset?: number;
}

export const FINDING_SORT_KEYS = [
  'lastSeen',
  'firstSeen',
  'severity',
  'check',
  'resource',
  'account',
  'region',
] as const;
export type FindingSortKey = (typeof FINDING_SORT_KEYS)[number];

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
  tags: Record<string, string>;
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

/** The tag as the stored JSON text spells it (see posture.ts `tagsText`): a case-sensitive substring on both engines. */
function tagged(eb: FindingsEb, engine: StoreDb['engine'], tag: { key: string; value: string }) {
  const needle = `${JSON.stringify(tag.key)}:${JSON.stringify(tag.value)}`;
  return eb(eb.fn<number>(engine === 'postgres' ? 'strpos' : 'instr', ['findings.tags', eb.val(needle)]), '>', 0);
}

function filtered(store: StoreDb, query: FindingQuery) {
  let q = store.db.selectFrom('findings');
  if (query.statuses?.length) {
    const statuses = query.statuses;
    q = q.where((eb) => eb.or(statuses.map((s) => statusIs(eb, s, query.today))));
  }
  if (query.since) q = q.where('last_seen', '>=', query.since);
  if (query.accounts?.length) q = q.where('account_id', 'in', query.accounts);
  if (query.regions?.length) q = q.where('region', 'in', query.regions);
  if (query.checks) {
    const checks = query.checks;
    q = checks.length ? q.where('check_id', 'in', checks) : q.where(sql<boolean>`1 = 0`);
  }
  if (query.severities?.length) q = q.where('severity', 'in', query.severities);
  if (query.verdicts?.length) q = q.where('verdict', 'in', query.verdicts);
  for (const tag of query.tags ?? []) q = q.where((eb) => tagged(eb, store.engine, tag));
  if (query.resourceArn) q = q.where('resource_arn', '=', query.resourceArn);
  return q;
}

function toStored(row: Selectable<FindingsTable> & { ui_accepted: number | string | boolean }): StoredFinding {
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
    tags: JSON.parse(row.tags) as Record<string, string>,
  };
}

const SORT_COLUMNS = {
  lastSeen: 'last_seen',
  firstSeen: 'first_seen',
  check: 'check_id',
  resource: 'resource_arn',
  account: 'account_id',
  region: 'region',
} as const;

/** The filtered findings in the order asked for (then by resource and check, so that pages are stable). */
function ordered(store: StoreDb, query: FindingQuery) {
  const { by, descending } = query.sort ?? { by: 'lastSeen', descending: true };
  const direction = descending ? 'desc' : 'asc';
  let q = filtered(store, query);
  // one severity selected: every row ties on it, and leaving it out lets the engine read an index in order
  if (by === 'severity' && query.severities?.length !== 1) {
    q = q.orderBy(
      (eb) =>
        eb
          .case('severity')
          .when('critical')
          .then(4)
          .when('high')
          .then(3)
          .when('medium')
          .then(2)
          .when('low')
          .then(1)
          .else(0)
          .end(),
      direction,
    );
  } else if (by !== 'severity') {
    q = q.orderBy(SORT_COLUMNS[by], direction);
  }
  return q.orderBy('resource_arn').orderBy('check_id');
}

/** Findings in full, with whether a live dashboard acceptance covers each. */
function withAcceptance(
  q: ReturnType<typeof filtered>,
  today: string,
): SelectQueryBuilder<StoreSchema, 'findings', Selectable<FindingsTable> & { ui_accepted: number }> {
  return q
    .selectAll('findings')
    .select((eb) => eb.case().when(acceptedInUi(eb, today)).then(1).else(0).end().as('ui_accepted'));
}

/** One page of findings, newest last-seen first unless `sort` says otherwise (then by resource and check, so pages are stable). */
export async function listFindings(store: StoreDb, query: FindingQuery): Promise<StoredFinding[]> {
  if (query.limit === undefined) {
    return (await withAcceptance(ordered(store, query), query.today).execute()).map(toStored);
  }
  // A page is chosen by its keys alone, then read in full: sorting every matching row with its messages and tags
  // to keep 50 of them is what made a page of a large store slow.
  const page = await ordered(store, query)
    .select('findings.fingerprint')
    .limit(query.limit)
    .offset(query.offset ?? 0)
    .execute();
  const ids = page.map((r) => r.fingerprint);
  const rows = new Map<string, StoredFinding>();
  for (const part of chunks(ids, KEYS_PER_LIST)) {
    const full = await withAcceptance(store.db.selectFrom('findings'), query.today)
      .where('findings.fingerprint', 'in', part)
      .execute();
    for (const row of full) rows.set(row.fingerprint, toStored(row));
  }
  return ids.flatMap((id) => rows.get(id) ?? []);
}

/**
 * The filters the open-findings summary answers: open or accepted findings selected by the columns it counts by.
 * Anything else (resolved findings, last seen, tags, one resource) is counted in the findings table.
 */
function countedBySummary(query: FindingQuery): boolean {
  return (
    query.statuses !== undefined &&
    query.statuses.length > 0 &&
    !query.statuses.includes('resolved') &&
    query.since === undefined &&
    !query.tags?.length &&
    query.resourceArn === undefined
  );
}

/** How many findings the filters select (for the dashboard's pagination). */
export async function countFindings(store: StoreDb, query: FindingQuery): Promise<number> {
  if (countedBySummary(query)) {
    const among = (list: readonly string[] | undefined, value: string) => !list?.length || list.includes(value);
    const counts = await countOpenFindings(store, query.today);
    return counts
      .filter(
        (c) =>
          query.statuses!.includes(c.accepted ? 'accepted' : 'open') &&
          among(query.accounts, c.accountId) &&
          among(query.regions, c.region) &&
          (query.checks === undefined || query.checks.includes(c.checkId)) &&
          among(query.severities, c.severity) &&
          among(query.verdicts, c.verdict),
      )
      .reduce((n, c) => n + c.count, 0);
  }
  const row = await filtered(store, query)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type FindingGroupKey = 'check_id' | 'account_id' | 'region' | 'severity';

/** How many findings the filters select per value of one column, most first (the dashboard's top lists). */
export async function countFindingsBy(
  store: StoreDb,
  query: FindingQuery,
  by: FindingGroupKey,
): Promise<Array<{ key: string; count: number }>> {
  const rows = await filtered(store, query)
    .select((eb) => [eb.ref(by).as('key'), eb.fn.countAll().as('n')])
    .groupBy(by)
    .orderBy('n', 'desc')
    .orderBy(by)
    .execute();
  return rows.map((r) => ({ key: String(r.key), count: Number(r.n) }));
}

export interface OpenCount {
  checkId: string;
  severity: string;
  accountId: string;
  region: string;
  verdict: ObservedVerdict;
  /** an accept-file entry (verdict `accepted`) or a live dashboard acceptance covers these */
  accepted: boolean;
  count: number;
}

/**
 * Every open finding counted once per check, severity, account, region, verdict and acceptance: the dashboard's
 * overview and compliance pages sum these in memory. Read from the summary the writes keep (summary.ts), with the
 * live dashboard acceptances moved to the accepted side here, since they end by date.
 */
export async function countOpenFindings(store: StoreDb, today: string): Promise<OpenCount[]> {
  const base = await store.db
    .selectFrom('open_finding_counts')
    .select(['check_id', 'severity', 'account_id', 'region', 'verdict', 'n'])
    .execute();
  const inUi = await store.db
    .selectFrom('acceptances')
    .innerJoin('findings', 'findings.fingerprint', 'acceptances.fingerprint')
    .select((eb) => [
      'findings.check_id',
      'findings.severity',
      'findings.account_id',
      'findings.region',
      'findings.verdict',
      eb.fn.countAll().as('n'),
    ])
    .where('acceptances.origin', '=', 'ui')
    .where('acceptances.revoked_at', 'is', null)
    .where((w) => w.or([w('acceptances.expires', 'is', null), w('acceptances.expires', '>=', today)]))
    .where('findings.state', '=', 'open')
    .groupBy(['findings.check_id', 'findings.severity', 'findings.account_id', 'findings.region', 'findings.verdict'])
    .execute();
  const key = (r: { check_id: string; severity: string; account_id: string; region: string; verdict: string }) =>
    JSON.stringify([r.check_id, r.severity, r.account_id, r.region, r.verdict]);
  const uiCounts = new Map(inUi.map((r) => [key(r), Number(r.n)]));
  return base.flatMap((r) => {
    const ui = uiCounts.get(key(r)) ?? 0;
    const count = (n: number, accepted: boolean): OpenCount[] =>
      n > 0
        ? [
            {
              checkId: r.check_id,
              severity: r.severity,
              accountId: r.account_id,
              region: r.region,
              verdict: r.verdict,
              accepted,
              count: n,
            },
          ]
        : [];
    return [...count(Number(r.n) - ui, r.verdict === 'accepted'), ...count(ui, true)];
  });
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
  /** every check the scan ran */
  checks: string[];
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
    checks: JSON.parse(row.checks) as string[],
  };
}

/** The most recent scans, newest first. */
export async function listScans(store: StoreDb, limit: number): Promise<StoredScan[]> {
  const rows = await store.db.selectFrom('scans').select('id').orderBy('id', 'desc').limit(limit).execute();
  const scans = await Promise.all(rows.map((r) => getScan(store, Number(r.id))));
  return scans.filter((s) => s !== undefined);
}
