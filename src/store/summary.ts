/**
 * What the dashboard's overview and compliance pages read instead of every open finding and every verdict change:
 * the open findings counted by check, severity, account, region and verdict (`open_finding_counts`), and the open
 * failures at the end of each scan day (`trend_days`). Both are kept by the writes that change findings
 * (recordScan, db prune) inside their transaction, and rebuilt by migration 0006 for existing stores.
 *
 * Dashboard acceptances are not in these tables: they expire by date, so they are applied when read (there are few
 * of them, joined by key), and a UI acceptance or its expiry never leaves a stale count behind.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { chunks, KEYS_PER_LIST } from './batches.ts';
import type { StoreLocation } from './url.ts';
import type { StoreSchema } from './schema.ts';

type Db = Kysely<StoreSchema>;

/** The advisory lock that serialises summary refreshes on PostgreSQL: 64 bits of a hash of its name. */
const SUMMARY_LOCK = createHash('sha256').update('cloudwarden dashboard summaries').digest().readBigInt64BE(0);

/**
 * Refreshes both summaries after a write, inside its transaction. On PostgreSQL, scans of different accounts commit
 * side by side (organization workers): each rewrites the same day of `trend_days`, so they take turns here, and each
 * reads the verdicts the one before committed. SQLite has one writer at a time already.
 */
export async function refreshSummaries(
  trx: Db,
  engine: StoreLocation['engine'],
  scope: { accounts?: readonly string[]; fromDay?: string } = {},
): Promise<void> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${SUMMARY_LOCK.toString()}::bigint)`.execute(trx);
  await refreshOpenCounts(trx, scope.accounts);
  await refreshTrend(trx, scope.fromDay);
}

/** Recounts the open findings of these accounts (all accounts when none are given). */
export async function refreshOpenCounts(db: Db, accounts?: readonly string[]): Promise<void> {
  if (!accounts) return recount(db);
  for (const part of chunks(accounts, KEYS_PER_LIST)) await recount(db, part);
}

async function recount(db: Db, accounts?: readonly string[]): Promise<void> {
  let stale = db.deleteFrom('open_finding_counts');
  if (accounts) stale = stale.where('account_id', 'in', accounts);
  await stale.execute();
  let open = db
    .selectFrom('findings')
    .select((eb) => ['check_id', 'severity', 'account_id', 'region', 'verdict', eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'open');
  if (accounts) open = open.where('account_id', 'in', accounts);
  await db
    .insertInto('open_finding_counts')
    .columns(['check_id', 'severity', 'account_id', 'region', 'verdict', 'n'])
    .expression(open.groupBy(['check_id', 'severity', 'account_id', 'region', 'verdict']))
    .execute();
}

/**
 * Recomputes the open failures at the end of each scan day from `fromDay` on (every day when none is given): a
 * finding counts on a day when the last verdict any scan recorded for it by the end of that day is `fail`. A scan
 * on day D only changes days from D on (it starts spans there and ends the spans before), so recordScan passes its
 * own day.
 */
export async function refreshTrend(db: Db, fromDay?: string): Promise<void> {
  let days = db
    .selectFrom('scans')
    .select(sql<string>`substr(started_at, 1, 10)`.as('day'))
    .distinct();
  if (fromDay) days = days.where('started_at', '>=', fromDay);
  const scanDays = (await days.execute()).map((d) => d.day).sort();
  let stale = db.deleteFrom('trend_days');
  if (fromDay) stale = stale.where('day', '>=', fromDay);
  await stale.execute();
  if (scanDays.length === 0) return;
  // Each verdict holds from the day of its scan until the day of the finding's next verdict (exclusive when both
  // fall on one day: the later verdict is the one at the end of that day). Grouped by those two days.
  const { rows } = await sql<{ severity: string; from: string; to: string | null; n: number | string }>`
    select f.severity as severity, spans.from_day as "from", spans.to_day as "to", count(*) as n
    from (
      select e.fingerprint as fingerprint, e.verdict as verdict, substr(e.at, 1, 10) as from_day,
        substr(lead(e.at) over (partition by e.fingerprint order by e.scan_id), 1, 10) as to_day
      from finding_events e
    ) spans
    join findings f on f.fingerprint = spans.fingerprint
    where spans.verdict = 'fail' and (spans.to_day is null or spans.to_day > ${scanDays[0]!})
    group by f.severity, spans.from_day, spans.to_day
  `.execute(db);
  const counts: Array<{ day: string; severity: string; failing: number }> = [];
  for (const day of scanDays) {
    const bySeverity = new Map<string, number>();
    for (const g of rows) {
      if (g.from > day || (g.to !== null && g.to <= day)) continue;
      bySeverity.set(g.severity, (bySeverity.get(g.severity) ?? 0) + Number(g.n));
    }
    for (const [severity, failing] of bySeverity) counts.push({ day, severity, failing });
  }
  // a few rows per day and severity: far under SQLite's bound parameters per statement in any realistic store
  for (let i = 0; i < counts.length; i += 1_000) {
    await db
      .insertInto('trend_days')
      .values(counts.slice(i, i + 1_000))
      .execute();
  }
}
