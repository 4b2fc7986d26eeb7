/**
 * One run of a schedule's slot across every watch process sharing the store. Two guards:
 * - a lock while the scan runs: `pg_try_advisory_lock` on a key derived from the schedule's name when the store is
 *   PostgreSQL (session-level, on one connection held for the run, so it is released if the process dies), an
 *   in-process set otherwise (SQLite stores are one machine's; processes on it still meet at the claim below);
 * - a claim of the slot in `schedule_runs` (primary key schedule + slot): a process whose clock fires after another
 *   finished that slot finds it claimed and does not scan again.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { StoreDb } from '../store/open.ts';

export type SlotResult =
  | { ran: true; outcome: string }
  /** `busy`: another run of this schedule holds the lock; `claimed`: this slot was run already */
  | { ran: false; why: 'busy' | 'claimed' };

/** The advisory lock key of a schedule: 64 bits of a hash of its name, as PostgreSQL's signed bigint. */
export function scheduleLockKey(name: string): string {
  return createHash('sha256').update(`cloudwarden watch schedule\0${name}`).digest().readBigInt64BE(0).toString();
}

const runningHere = new Set<string>();

export class ScheduleLock {
  constructor(
    private readonly store: StoreDb,
    /** who claims: names this process in `schedule_runs` */
    private readonly owner: string,
    private readonly now: () => Date,
  ) {}

  /** Runs `scan` for the slot unless another process runs this schedule now or ran this slot already. */
  async runOnce(name: string, slot: Date, scan: () => Promise<string>): Promise<SlotResult> {
    if (this.store.engine !== 'postgres') {
      const local = `${this.store.name}\0${name}`;
      if (runningHere.has(local)) return { ran: false, why: 'busy' };
      runningHere.add(local);
      try {
        return await this.claimAndRun(name, slot, scan);
      } finally {
        runningHere.delete(local);
      }
    }
    const key = scheduleLockKey(name);
    // session-level: taken and released on the one connection held for the run
    return this.store.db.connection().execute(async (conn) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}::bigint) as locked`.execute(
        conn,
      );
      if (rows[0]?.locked !== true) return { ran: false, why: 'busy' } as const;
      try {
        return await this.claimAndRun(name, slot, scan);
      } finally {
        await sql`select pg_advisory_unlock(${key}::bigint)`.execute(conn);
      }
    });
  }

  private async claimAndRun(name: string, slot: Date, scan: () => Promise<string>): Promise<SlotResult> {
    const slotText = slot.toISOString();
    const claim = await this.store.db
      .insertInto('schedule_runs')
      .values({
        schedule: name,
        slot: slotText,
        owner: this.owner,
        started_at: this.now().toISOString(),
        finished_at: null,
        outcome: null,
      })
      .onConflict((oc) => oc.columns(['schedule', 'slot']).doNothing())
      .executeTakeFirst();
    if (Number(claim.numInsertedOrUpdatedRows ?? 0) === 0) return { ran: false, why: 'claimed' };
    let outcome: string;
    try {
      outcome = await scan();
    } catch (error) {
      outcome = `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    }
    await this.store.db
      .updateTable('schedule_runs')
      .set({ finished_at: this.now().toISOString(), outcome })
      .where('schedule', '=', name)
      .where('slot', '=', slotText)
      .execute();
    return { ran: true, outcome };
  }
}
