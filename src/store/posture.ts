/** Recording a posture scan: the scan itself, then what it changes in the findings (see resolve.ts). */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Result } from '../findings/result.ts';
import { chunks, KEYS_PER_LIST } from './batches.ts';
import type { StoreDb } from './open.ts';
import { computeChanges, isGap, scopeOf, type KnownFinding, type ObservedFinding } from './resolve.ts';
import type { FindingsTable, ObservedVerdict, ScanChecksTable, StoreSchema } from './schema.ts';
import { refreshSummaries } from './summary.ts';

export interface ScanRecord {
  /** the command: `scan aws`, `scan snapshot`, `demo` */
  source: string;
  startedBy: string;
  startedAt: string;
  collectedAt: string;
  partial: boolean;
  snapshotDigest: string;
  services: readonly string[];
  /** every check the scan ran, including those that found no resource */
  checks: readonly string[];
  /** every result, acceptances applied (status `accepted` with its acceptance) */
  results: readonly Result[];
  /** a targeted rescan of these resources only (see ScanScope.resources) */
  resources?: readonly string[];
  /** resources the rescan found gone (see ScanScope.absent) */
  absent?: readonly string[];
}

export interface ScanSummary {
  scanId: number;
  created: number;
  resolved: number;
  deleted: number;
  stillOpen: number;
  /** fingerprints of the findings this scan opened (first seen, or seen again after being resolved) */
  opened: string[];
  /** fingerprints of the findings this scan resolved, with how */
  closed: { fingerprint: string; verdict: 'pass' | 'deleted'; gone?: GoneFinding }[];
}

/**
 * A finding resolved because its resource is gone: no result of the scan names it, so what a notice says of it
 * comes from the store (as it was before the scan resolved it).
 */
export interface GoneFinding {
  checkId: string;
  title: string;
  severity: string;
  resourceArn: string;
  resourceType: string;
  accountId: string;
  region: string;
  /** the verdict it had when last seen */
  verdict: ObservedVerdict;
  tags: Record<string, string>;
  /** why it was resolved (`resource deleted: absent from …`) */
  message: string;
}

/** Rows per multi-row statement: under SQLite's 32,766 bound parameters with the widest table. */
const ROWS_PER_INSERT = 1_500;

async function knownFindings(db: Kysely<StoreSchema>, accounts: readonly string[]): Promise<Map<string, KnownFinding>> {
  const known = new Map<string, KnownFinding>();
  for (const part of chunks(accounts, KEYS_PER_LIST)) {
    const rows = await db
      .selectFrom('findings')
      .select(['fingerprint', 'check_id', 'resource_arn', 'account_id', 'region', 'state', 'verdict'])
      .where('account_id', 'in', part)
      .execute();
    for (const row of rows) {
      known.set(row.fingerprint, {
        fingerprint: row.fingerprint,
        checkId: row.check_id,
        resourceArn: row.resource_arn,
        accountId: row.account_id,
        region: row.region,
        state: row.state,
        verdict: row.verdict,
      });
    }
  }
  return known;
}

/** Sorted keys, so that one tag is always the same substring of the stored text (see queries.ts `tagged`). */
export function tagsText(tags: Readonly<Record<string, string>> | undefined): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(tags ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  );
}

function findingRow(observed: ObservedFinding, scanId: number, at: string): Insertable<FindingsTable> {
  const { result } = observed;
  return {
    fingerprint: observed.fingerprint,
    check_id: result.checkId,
    resource_arn: result.resource.arn,
    resource_type: result.resource.type,
    account_id: result.accountId,
    region: result.resource.region,
    severity: result.severity,
    title: result.title,
    state: 'open',
    verdict: observed.verdict,
    message: result.message,
    first_seen: at,
    last_seen: at,
    first_scan: scanId,
    last_scan: scanId,
    resolved_at: null,
    resolved_scan: null,
    tags: tagsText(result.tags),
  };
}

async function recordAcceptances(
  trx: Transaction<StoreSchema>,
  observed: ObservedFinding[],
  at: string,
): Promise<void> {
  const rows = observed.flatMap(({ fingerprint, result }) => {
    const acceptance = result.acceptance;
    if (!acceptance) return [];
    return [
      {
        fingerprint,
        origin: acceptance.source,
        reason: acceptance.reason,
        accepted_by: acceptance.acceptedBy ?? null,
        expires: acceptance.expires ?? null,
        created_at: at,
        last_applied_at: at,
        revoked_at: null,
      },
    ];
  });
  for (const part of chunks(rows, ROWS_PER_INSERT)) {
    await trx
      .insertInto('acceptances')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['fingerprint', 'origin']).doUpdateSet((eb) => ({
          reason: eb.ref('excluded.reason'),
          accepted_by: eb.ref('excluded.accepted_by'),
          expires: eb.ref('excluded.expires'),
          last_applied_at: eb.ref('excluded.last_applied_at'),
        })),
      )
      .execute();
  }
}

/** Every check the scan ran, with its results counted by verdict (gaps included: they are unknowns). */
function checkCounts(scan: ScanRecord, scanId: number): ScanChecksTable[] {
  const rows = new Map<string, ScanChecksTable>();
  const row = (checkId: string) => {
    let r = rows.get(checkId);
    if (!r) {
      r = { scan_id: scanId, check_id: checkId, passed: 0, failed: 0, unknown: 0, accepted: 0 };
      rows.set(checkId, r);
    }
    return r;
  };
  for (const id of scan.checks) row(id);
  for (const r of scan.results) {
    const counts = row(r.checkId);
    if (r.status === 'pass') counts.passed += 1;
    else if (r.status === 'fail') counts.failed += 1;
    else if (r.status === 'accepted') counts.accepted += 1;
    else counts.unknown += 1;
  }
  return [...rows.values()];
}

/** Stores one scan and applies the resolution rules to the findings of the accounts it covered. */
export async function recordScan(
  store: StoreDb,
  scan: ScanRecord,
  /** more writes that must commit with the scan or not at all (a worker marking its account done); throwing rolls back */
  alongside?: (trx: Transaction<StoreSchema>, scanId: number) => Promise<void>,
): Promise<ScanSummary> {
  const { db } = store;
  const { accounts, regions } = scopeOf(scan.results.filter((r) => !isGap(r)));
  const known = await knownFindings(db, scopeOf(scan.results).accounts);
  // a gone resource has no result naming its account: its findings are read by ARN
  for (const part of chunks(scan.absent ?? [], KEYS_PER_LIST)) {
    const accounts = await db
      .selectFrom('findings')
      .select('account_id')
      .distinct()
      .where('resource_arn', 'in', part)
      .execute();
    for (const [id, finding] of await knownFindings(
      db,
      accounts.map((a) => a.account_id),
    ))
      known.set(id, finding);
  }
  const changes = computeChanges(
    known,
    {
      partial: scan.partial,
      checks: new Set(scan.checks),
      ...(scan.resources ? { resources: new Set(scan.resources) } : {}),
      ...(scan.absent ? { absent: new Set(scan.absent) } : {}),
    },
    scan.results,
  );
  const at = scan.startedAt;
  return db.transaction().execute(async (trx) => {
    const { id: scanId } = await trx
      .insertInto('scans')
      .values({
        source: scan.source,
        started_by: scan.startedBy,
        started_at: at,
        collected_at: scan.collectedAt,
        accounts: JSON.stringify(accounts),
        regions: JSON.stringify(regions),
        services: JSON.stringify([...scan.services].sort()),
        checks: JSON.stringify([...scan.checks].sort()),
        partial: scan.partial ? 1 : 0,
        snapshot_digest: scan.snapshotDigest,
        result_count: scan.results.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const perCheck = checkCounts(scan, scanId);
    for (const part of chunks(perCheck, ROWS_PER_INSERT)) await trx.insertInto('scan_checks').values(part).execute();
    for (const part of chunks(changes.created, ROWS_PER_INSERT)) {
      await trx
        .insertInto('findings')
        .values(part.map((o) => findingRow(o, scanId, at)))
        .execute();
    }
    const changed = changes.seen.filter((s) => s.changed);
    const events = [
      ...changes.created.map((o) => ({ fingerprint: o.fingerprint, verdict: o.verdict, message: o.result.message })),
      ...changed.map((o) => ({ fingerprint: o.fingerprint, verdict: o.verdict, message: o.result.message })),
      ...changes.resolved,
    ].map((e) => ({ ...e, scan_id: scanId, at }));
    for (const part of chunks(events, ROWS_PER_INSERT)) {
      await trx.insertInto('finding_events').values(part).execute();
    }
    for (const o of changed) {
      await trx
        .updateTable('findings')
        .set({
          state: 'open',
          verdict: o.verdict,
          message: o.result.message,
          severity: o.result.severity,
          title: o.result.title,
          last_seen: at,
          last_scan: scanId,
          resolved_at: null,
          resolved_scan: null,
          tags: tagsText(o.result.tags),
        })
        .where('fingerprint', '=', o.fingerprint)
        .execute();
    }
    const unchanged = changes.seen.filter((s) => !s.changed).map((s) => s.fingerprint);
    for (const part of chunks(unchanged, KEYS_PER_LIST)) {
      await trx
        .updateTable('findings')
        .set({ last_seen: at, last_scan: scanId })
        .where('fingerprint', 'in', part)
        .execute();
    }
    // read before the rows are marked resolved: what the notices of the deleted resources say
    const gone = new Map<string, GoneFinding>();
    const deletedIds = changes.resolved.filter((r) => r.verdict === 'deleted');
    for (const part of chunks(deletedIds, KEYS_PER_LIST)) {
      const rows = await trx
        .selectFrom('findings')
        .select(['fingerprint', 'check_id', 'title', 'severity', 'resource_arn', 'resource_type', 'account_id'])
        .select(['region', 'verdict', 'tags'])
        .where(
          'fingerprint',
          'in',
          part.map((r) => r.fingerprint),
        )
        .execute();
      const messages = new Map(part.map((r) => [r.fingerprint, r.message]));
      for (const row of rows)
        gone.set(row.fingerprint, {
          checkId: row.check_id,
          title: row.title,
          severity: row.severity,
          resourceArn: row.resource_arn,
          resourceType: row.resource_type,
          accountId: row.account_id,
          region: row.region,
          verdict: row.verdict,
          tags: JSON.parse(row.tags) as Record<string, string>,
          message: messages.get(row.fingerprint) ?? 'resource deleted',
        });
    }
    for (const verdict of ['pass', 'deleted'] as const) {
      const ids = changes.resolved.filter((r) => r.verdict === verdict).map((r) => r.fingerprint);
      for (const part of chunks(ids, KEYS_PER_LIST)) {
        await trx
          .updateTable('findings')
          .set({ state: 'resolved', verdict, resolved_at: at, resolved_scan: scanId })
          .where('fingerprint', 'in', part)
          .execute();
      }
    }
    await recordAcceptances(trx, [...changes.created, ...changes.seen], at);
    // the findings this scan may have changed belong to the accounts it read, or to those of its gone resources
    const touched = new Set([
      ...changes.created.map((o) => o.result.accountId),
      ...[...known.values()].map((k) => k.accountId),
    ]);
    await refreshSummaries(trx, store.engine, { accounts: [...touched].sort(), fromDay: at.slice(0, 10) });
    await alongside?.(trx, scanId);
    return {
      scanId,
      created: changes.created.length,
      resolved: changes.resolved.filter((r) => r.verdict === 'pass').length,
      deleted: changes.resolved.filter((r) => r.verdict === 'deleted').length,
      stillOpen: changes.seen.length,
      opened: [
        ...changes.created.map((o) => o.fingerprint),
        ...changes.seen
          .filter((o) => o.changed && known.get(o.fingerprint)?.state === 'resolved')
          .map((o) => o.fingerprint),
      ],
      closed: changes.resolved.map((r) => {
        const finding = gone.get(r.fingerprint);
        return { fingerprint: r.fingerprint, verdict: r.verdict, ...(finding ? { gone: finding } : {}) };
      }),
    };
  });
}
