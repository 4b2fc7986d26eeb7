/**
 * Scheduled full scans run once across watch processes: two `watch` instances on one store (PostgreSQL: the
 * advisory lock and the slot claim; SQLite: the in-process lock and the slot claim), both driven by a fake clock
 * the test moves, scanning an emulated account through the real SDK on loopback. No wall-clock waits: the test
 * moves the clock and waits for what the instances say.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { parseStoreUrl } from '../../src/store/url.ts';
import type { ScheduleClock } from '../../src/watch/schedule.ts';
import { watchCommand } from '../../src/watch/run-watch.ts';
import { emulatedAccount, hardenedAnswers, type EmulatedBucket } from '../aws/emulated-account.ts';
import { startFakeAwsServer, type FakeResponse } from '../aws/fake-aws-http.ts';
import { tempDir } from '../detect/pipeline/support/cloudtrail-data.ts';
import { dropTestDatabases, ENGINES } from '../store/engines.ts';
import { sql } from 'kysely';
import { useExampleCredentials } from '../support/fake-aws-session.ts';

const ACCOUNT = '111122223333';

/** A clock that moves only when the test says: each instance's schedule sleeps on it. */
class FakeClock implements ScheduleClock {
  private waiters: { at: number; wake: () => void }[] = [];
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  sleepUntil(at: Date, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const waiter = { at: at.getTime(), wake: resolve };
      this.waiters.push(waiter);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }
  get sleeping(): number {
    return this.waiters.length;
  }
  advanceTo(iso: string): void {
    this.t = Date.parse(iso);
    const due = this.waiters.filter((w) => w.at <= this.t);
    this.waiters = this.waiters.filter((w) => w.at > this.t);
    for (const w of due) w.wake();
  }
}

const bucket: EmulatedBucket = {
  region: 'us-east-1',
  listRegion: true,
  answers: hardenedAnswers('data', ACCOUNT, 'us-east-1'),
};
delete bucket.answers.publicAccessBlock;
let gate: Promise<void> | undefined;
let aws: Awaited<ReturnType<typeof startFakeAwsServer>>;

useExampleCredentials();

beforeAll(async () => {
  const account = emulatedAccount(ACCOUNT, { data: bucket });
  aws = await startFakeAwsServer(async (request): Promise<FakeResponse> => {
    // ListBuckets waits while the test holds the gate: a scan "in progress"
    if (request.query['x-id'] === 'ListBuckets' && gate) await gate;
    return account(request);
  });
});
afterAll(async () => {
  await aws.close();
  await dropTestDatabases();
});

const config = join(tempDir('cw-schedule-'), 'watch.yaml');
writeFileSync(
  config,
  "schedules:\n  - name: nightly\n    cron: '0 2 * * *'\n    timezone: Europe/Berlin\n    services: [s3]\n",
);

function instance(db: string, clock: FakeClock) {
  let stderr = '';
  const controller = new AbortController();
  const done = watchCommand(
    { config, db, endpointUrl: aws.url, region: 'us-east-1' },
    {
      stdout: process.stdout,
      stderr: { write: (c: string) => (stderr += c) },
      controller,
      env: {},
      clock,
    },
  );
  return { done, stop: () => controller.abort(), err: () => stderr };
}

describe.each(ENGINES)('scheduled scans on $engine', (engine) => {
  it('two watch processes on one store: each planned scan runs once; a run still going makes the other skip', async () => {
    const db = await engine.createUrl();
    const clock = new FakeClock(Date.parse('2026-11-02T00:30:00Z'));
    const a = instance(db, clock);
    // B starts once A's store is migrated (two processes creating one SQLite file at once race on its schema)
    await vi.waitFor(() => expect(clock.sleeping).toBe(1), { timeout: 20_000 });
    const b = instance(db, clock);
    await vi.waitFor(() => expect(clock.sleeping).toBe(2), { timeout: 20_000 });

    // 02:00 in Berlin (CET, UTC+1) is 01:00 UTC: both fire at once, one scans
    clock.advanceTo('2026-11-02T01:00:00Z');
    const said = () => [a.err(), b.err()].join('');
    await vi.waitFor(
      () => {
        expect(said()).toMatch(/schedule nightly: ok: 1 account\(s\) as scan \d+, \d+ findings new/);
        expect(said()).toMatch(/schedule nightly: 2026-11-02T01:00:00.000Z (already run by another process|skipped)/);
      },
      { timeout: 20_000 },
    );
    await vi.waitFor(() => expect(clock.sleeping).toBe(2), { timeout: 20_000 });

    // the next night, with A's clock first and the scan held at ListBuckets: B finds the run going and skips
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    clock.advanceTo('2026-11-03T01:00:00Z');
    await vi.waitFor(() => expect(said()).toMatch(/2026-11-03T01:00:00.000Z (skipped|already run)/), {
      timeout: 20_000,
    });
    const store = await openStore(parseStoreUrl(db));
    if (engine.engine === 'postgres') {
      const { rows } = await sql<{ n: string }>`select count(*) as n from pg_locks where locktype = 'advisory'`.execute(
        store.db,
      );
      expect(Number(rows[0]?.n)).toBe(1);
    }
    release();
    gate = undefined;
    await vi.waitFor(() => expect(said().match(/schedule nightly: ok:/g)).toHaveLength(2), { timeout: 20_000 });
    a.stop();
    b.stop();
    expect(await a.done).toBe(0);
    expect(await b.done).toBe(0);

    const scans = await store.db.selectFrom('scans').select(['source']).execute();
    const runs = await store.db.selectFrom('schedule_runs').selectAll().orderBy('slot').execute();
    const open = await store.db.selectFrom('findings').select('check_id').where('state', '=', 'open').execute();
    await store.db.destroy();
    expect(scans.map((s) => s.source)).toEqual(['watch schedule nightly', 'watch schedule nightly']);
    expect(runs.map((r) => [r.schedule, r.slot, r.outcome?.split(':')[0]])).toEqual([
      ['nightly', '2026-11-02T01:00:00.000Z', 'ok'],
      ['nightly', '2026-11-03T01:00:00.000Z', 'ok'],
    ]);
    // the account-level and bucket-level public access block is missing: that finding is open
    expect(open.map((f) => f.check_id)).toContain('s3-bucket-public-access-block');
  }, 60_000);
});

it('the lock key of a schedule is stable and differs between names', async () => {
  const { scheduleLockKey } = await import('../../src/watch/schedule-lock.ts');
  expect(scheduleLockKey('nightly')).toBe(scheduleLockKey('nightly'));
  expect(scheduleLockKey('nightly')).not.toBe(scheduleLockKey('hourly'));
  expect(BigInt(scheduleLockKey('nightly'))).toBeGreaterThanOrEqual(-(2n ** 63n));
});
