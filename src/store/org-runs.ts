/**
 * Organization scans fanned out over SQS: `scan aws --org --queue` records a run with the accounts it expects,
 * workers claim an account (a lease, so that two workers never scan one account at once), and mark it scanned in
 * the same transaction that stores its scan, so each account of a run is in the store exactly once.
 */
import type { Transaction } from 'kysely';
import type { StoreDb } from './open.ts';
import type { StoreSchema } from './schema.ts';

export interface OrgRunRecord {
  runId: string;
  createdAt: string;
  createdBy: string;
  queueUrl: string;
  roleName: string;
  regions: readonly string[];
  services: readonly string[];
  accounts: readonly string[];
}

export async function createOrgRun(store: StoreDb, run: OrgRunRecord): Promise<void> {
  await store.db
    .insertInto('org_runs')
    .values({
      run_id: run.runId,
      created_at: run.createdAt,
      created_by: run.createdBy,
      queue_url: run.queueUrl,
      role_name: run.roleName,
      regions: JSON.stringify(run.regions),
      services: JSON.stringify(run.services),
      accounts: JSON.stringify([...run.accounts].sort()),
      account_count: run.accounts.length,
    })
    .execute();
}

export type Claim =
  /** this worker holds the account until the lease ends */
  | { kind: 'claimed' }
  /** the account is already scanned or failed in this run: the message is a repeat */
  | { kind: 'done'; state: 'scanned' | 'failed' }
  /** another worker holds a live lease on it */
  | { kind: 'busy'; worker: string }
  /** the message names a run this store does not know */
  | { kind: 'unknown-run' };

/**
 * Takes the account for `worker` until `leaseUntil`: a new row, or a row whose holder's lease has run out (that
 * worker died). Both are single conditional statements, so two workers racing for it cannot both win.
 */
export async function claimAccount(
  store: StoreDb,
  claim: { runId: string; accountId: string; worker: string; now: string; leaseUntil: string },
): Promise<Claim> {
  const run = await store.db
    .selectFrom('org_runs')
    .select('run_id')
    .where('run_id', '=', claim.runId)
    .executeTakeFirst();
  if (!run) return { kind: 'unknown-run' };
  const inserted = await store.db
    .insertInto('org_run_accounts')
    .values({
      run_id: claim.runId,
      account_id: claim.accountId,
      state: 'working',
      worker: claim.worker,
      lease_until: claim.leaseUntil,
      scan_id: null,
      detail: '',
      done_at: null,
    })
    .onConflict((oc) => oc.columns(['run_id', 'account_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { kind: 'claimed' };
  const taken = await store.db
    .updateTable('org_run_accounts')
    .set({ worker: claim.worker, lease_until: claim.leaseUntil })
    .where('run_id', '=', claim.runId)
    .where('account_id', '=', claim.accountId)
    .where('state', '=', 'working')
    .where((eb) => eb.or([eb('lease_until', '<', claim.now), eb('worker', '=', claim.worker)]))
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 1) return { kind: 'claimed' };
  const row = await store.db
    .selectFrom('org_run_accounts')
    .select(['state', 'worker'])
    .where('run_id', '=', claim.runId)
    .where('account_id', '=', claim.accountId)
    .executeTakeFirstOrThrow();
  return row.state === 'working' ? { kind: 'busy', worker: row.worker } : { kind: 'done', state: row.state };
}

/** Keeps the lease while the account is being scanned; false when another worker took it over meanwhile. */
export async function renewLease(
  store: StoreDb,
  key: { runId: string; accountId: string; worker: string; leaseUntil: string },
): Promise<boolean> {
  const result = await store.db
    .updateTable('org_run_accounts')
    .set({ lease_until: key.leaseUntil })
    .where('run_id', '=', key.runId)
    .where('account_id', '=', key.accountId)
    .where('worker', '=', key.worker)
    .where('state', '=', 'working')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives the account up (SIGTERM): the next worker to receive its message claims it at once. */
export async function releaseClaim(
  store: StoreDb,
  key: { runId: string; accountId: string; worker: string },
): Promise<void> {
  await store.db
    .deleteFrom('org_run_accounts')
    .where('run_id', '=', key.runId)
    .where('account_id', '=', key.accountId)
    .where('worker', '=', key.worker)
    .where('state', '=', 'working')
    .execute();
}

export class LostClaimError extends Error {
  constructor(runId: string, accountId: string) {
    super(`account ${accountId} of run ${runId} was taken over by another worker (this worker's lease ran out)`);
    this.name = 'LostClaimError';
  }
}

/**
 * Marks the account done, inside the transaction that stores its scan (or alone for a failed account). It throws
 * (rolling the scan back) when this worker no longer holds the account, so a scan is never stored twice.
 */
export async function finishAccount(
  trx: Transaction<StoreSchema> | StoreDb['db'],
  key: { runId: string; accountId: string; worker: string },
  outcome: { state: 'scanned' | 'failed'; scanId: number | null; detail: string; at: string },
): Promise<void> {
  const result = await trx
    .updateTable('org_run_accounts')
    .set({ state: outcome.state, scan_id: outcome.scanId, detail: outcome.detail, done_at: outcome.at })
    .where('run_id', '=', key.runId)
    .where('account_id', '=', key.accountId)
    .where('worker', '=', key.worker)
    .where('state', '=', 'working')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LostClaimError(key.runId, key.accountId);
}

export interface OrgRunStatus {
  runId: string;
  createdAt: string;
  expected: string[];
  scanned: { accountId: string; scanId: number; detail: string }[];
  failed: { accountId: string; detail: string }[];
  /** expected accounts not yet scanned or failed (queued, or in work) */
  waiting: string[];
  complete: boolean;
}

export async function orgRunStatus(store: StoreDb, runId: string): Promise<OrgRunStatus | undefined> {
  const run = await store.db.selectFrom('org_runs').selectAll().where('run_id', '=', runId).executeTakeFirst();
  if (!run) return undefined;
  const rows = await store.db
    .selectFrom('org_run_accounts')
    .select(['account_id', 'state', 'scan_id', 'detail'])
    .where('run_id', '=', runId)
    .orderBy('account_id')
    .execute();
  const expected = JSON.parse(run.accounts) as string[];
  const scanned = rows
    .filter((r) => r.state === 'scanned')
    .map((r) => ({ accountId: r.account_id, scanId: Number(r.scan_id), detail: r.detail }));
  const failed = rows.filter((r) => r.state === 'failed').map((r) => ({ accountId: r.account_id, detail: r.detail }));
  const done = new Set([...scanned, ...failed].map((r) => r.accountId));
  const waiting = expected.filter((a) => !done.has(a));
  return { runId, createdAt: run.created_at, expected, scanned, failed, waiting, complete: waiting.length === 0 };
}

/** The newest run, for `findings --run latest`. */
export async function latestOrgRunId(store: StoreDb): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('org_runs')
    .select('run_id')
    .orderBy('created_at', 'desc')
    .orderBy('run_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.run_id;
}
