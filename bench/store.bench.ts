// `npm run bench -- store`: 10,000 resources x 60 checks x 30 daily scans recorded into SQLite and into PostgreSQL
// (BENCH_STORE_ENGINES=sqlite,postgres; PostgreSQL at BENCH_POSTGRES_URL, a database of its own is created), then
// every query the dashboard's pages run, timed at that size: insert rate, store size and the p95 of each query
// (target: p95 < 200 ms). BENCH_RESOURCES, BENCH_CHECKS and BENCH_SCANS scale it down. Appends to
// bench/results/store.md.
import { mkdtemp, rm, stat, appendFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { CHECKS } from '../src/checks/catalogue.ts';
import { FRAMEWORKS } from '../src/compliance/frameworks/index.ts';
import type { Result, Status } from '../src/findings/result.ts';
import { compliance, dashboard, resource } from '../src/server/data.ts';
import { listAcceptances } from '../src/store/acceptances.ts';
import { listAlerts, listVerdicts, listVulns } from '../src/store/dashboard.ts';
import { openStore, type StoreDb } from '../src/store/open.ts';
import { recordScan } from '../src/store/posture.ts';
import { countFindings, listFindings, resourceHistory } from '../src/store/queries.ts';

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 10_000);
const CHECK_COUNT = Number(process.env.BENCH_CHECKS ?? 60);
const SCANS = Number(process.env.BENCH_SCANS ?? 30);
const ENGINES = (process.env.BENCH_STORE_ENGINES ?? 'sqlite,postgres').split(',');
const RUNS = 20;
const TARGET_MS = 200;
const ACCOUNTS = ['111122223333', '444455556666', '777788889999'];
const REGIONS = ['eu-west-1', 'us-east-1', 'ap-northeast-1', 'sa-east-1'];

const checks = CHECKS.slice(0, CHECK_COUNT);

/** A stable pseudo-random number in [0, 1) for (resource, check, salt). */
function unit(r: number, c: number, salt: number): number {
  let h = (r * 73_856_093) ^ (c * 19_349_663) ^ (salt * 83_492_791);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * About 8 % of pairs fail and 2 % are unknown; each day 1 % of pairs take a new verdict (fixes, regressions,
 * throttling), so findings are created, resolved and reopened over the month as in a real account.
 */
function statusOf(r: number, c: number, scan: number): Status {
  let epoch = 0;
  for (let s = 1; s <= scan; s += 1) if (unit(r, c, 1000 + s) < 0.01) epoch = s;
  const u = unit(r, c, epoch);
  return u < 0.08 ? 'fail' : u < 0.1 ? 'unknown' : 'pass';
}

function resultsOf(scan: number): Result[] {
  const out: Result[] = [];
  for (let r = 0; r < RESOURCES; r += 1) {
    const name = `bench-bucket-${r}`;
    const resourceOf = {
      arn: `arn:aws:s3:::${name}`,
      type: 'AwsS3Bucket',
      region: REGIONS[r % REGIONS.length]!,
    };
    const accountId = ACCOUNTS[r % ACCOUNTS.length]!;
    const tags = { team: `team-${r % 7}` };
    for (let c = 0; c < checks.length; c += 1) {
      const check = checks[c]!;
      const status = statusOf(r, c, scan);
      out.push({
        checkId: check.id,
        aliases: check.aliases,
        title: check.title,
        severity: check.severity,
        status,
        resource: resourceOf,
        accountId,
        message: `${check.id} on ${name}: ${status}`,
        ...(status === 'unknown' ? { reason: 'AccessDenied on s3:GetBucketPolicy: Access Denied' } : {}),
        references: [],
        tags,
      });
    }
  }
  return out;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

async function timeQuery(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm: the first call pays for planning and the page cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return p95(times);
}

async function postgresSize(store: StoreDb): Promise<number> {
  const { rows } = await (
    await import('kysely')
  ).sql<{ size: string }>`select pg_database_size(current_database()) as size`.execute(store.db);
  return Number(rows[0]!.size);
}

async function bench(engine: string): Promise<string[]> {
  let dir: string | undefined;
  let url: string;
  let dropPostgres: (() => Promise<void>) | undefined;
  if (engine === 'sqlite') {
    dir = await mkdtemp(join(tmpdir(), 'cloudwarden-store-bench-'));
    url = join(dir, 'bench.db');
  } else {
    const admin = process.env.BENCH_POSTGRES_URL;
    if (!admin) throw new Error('BENCH_POSTGRES_URL is not set (.ci/postgres start DIR PORT prints one)');
    const name = `cw_bench_${process.pid}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const parsed = new URL(admin);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    dropPostgres = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const store = await openStore(engine === 'sqlite' ? { engine: 'sqlite', path: url } : { engine: 'postgres', url });
  const lines: string[] = [];
  const load = loadavg()[0]!.toFixed(1);
  try {
    const day0 = Date.parse('2026-10-01T06:00:00Z');
    let results = 0;
    let recordMs = 0;
    for (let s = 0; s < SCANS; s += 1) {
      const batch = resultsOf(s);
      const at = new Date(day0 + s * 86_400_000).toISOString();
      const start = performance.now();
      await recordScan(store, {
        source: 'scan aws',
        startedBy: 'bench@localhost',
        startedAt: at,
        collectedAt: at,
        partial: false,
        snapshotDigest: `sha256:bench-${s}`,
        services: ['s3'],
        checks: checks.map((c) => c.id),
        results: batch,
      });
      const ms = performance.now() - start;
      recordMs += ms;
      results += batch.length;
      process.stderr.write(
        `${engine}: scan ${s + 1}/${SCANS}: ${batch.length} results in ${(ms / 1000).toFixed(1)} s\n`,
      );
    }
    const size =
      engine === 'sqlite'
        ? (await stat(url)).size +
          (await stat(`${url}-wal`)
            .then((s) => s.size)
            .catch(() => 0))
        : await postgresSize(store);
    const counts = await store.db
      .selectFrom('findings')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const events = await store.db
      .selectFrom('finding_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const now = new Date(day0 + SCANS * 86_400_000);
    const today = now.toISOString().slice(0, 10);
    const arn = 'arn:aws:s3:::bench-bucket-4242';
    const page = { limit: 50, offset: 0 };
    const queries: Array<[string, () => Promise<unknown>]> = [
      ['overview (every query of the page)', () => dashboard(store, now)],
      [
        'findings: open, first page of 50 + total',
        () =>
          Promise.all([
            listFindings(store, { today, statuses: ['open'], limit: 50, offset: 0 }),
            countFindings(store, { today, statuses: ['open'] }),
          ]),
      ],
      [
        'findings: high, one account, by severity, page 20',
        () => {
          const q = {
            today,
            statuses: ['open'] as const,
            severities: ['high'],
            accounts: [ACCOUNTS[1]!],
            sort: { by: 'severity' as const, descending: true },
          };
          return Promise.all([listFindings(store, { ...q, limit: 50, offset: 950 }), countFindings(store, q)]);
        },
      ],
      [
        'findings: tag team=team-3, one check',
        () => {
          const q = { today, tags: [{ key: 'team', value: 'team-3' }], checks: [checks[0]!.id] };
          return Promise.all([listFindings(store, { ...q, limit: 50, offset: 0 }), countFindings(store, q)]);
        },
      ],
      ['resource page', () => resource(store, arn, now)],
      ['history of one resource', () => resourceHistory(store, arn)],
      ...FRAMEWORKS.map((f): [string, () => Promise<unknown>] => [
        `compliance ${f.name}`,
        () => compliance(store, f, now),
      ]),
      ['alerts page', () => listAlerts(store, page)],
      ['vulnerabilities page', () => listVulns(store, page)],
      ['malware page', () => listVerdicts(store, page)],
      ['acceptances page', () => listAcceptances(store, today)],
    ];
    lines.push(
      `### ${engine}: ${RESOURCES.toLocaleString('en')} resources x ${checks.length} checks x ${SCANS} scans`,
      '',
      `${new Date().toISOString()}, load average ${load} at start / ${loadavg()[0]!.toFixed(1)} at the end on ${availableParallelism()} cores`,
      '',
      `- results recorded: ${results.toLocaleString('en')} in ${(recordMs / 1000).toFixed(0)} s: ` +
        `**${Math.round(results / (recordMs / 1000)).toLocaleString('en')} results/s** ` +
        `(${(recordMs / SCANS / 1000).toFixed(1)} s per scan of ${(results / SCANS).toLocaleString('en')})`,
      `- findings: ${Number(counts.n).toLocaleString('en')}, verdict changes: ${Number(events.n).toLocaleString('en')}`,
      `- store size: **${(size / 1024 ** 2).toFixed(0)} MB**`,
      '',
      `| dashboard query | p95 of ${RUNS} (ms) | < ${TARGET_MS} ms |`,
      '|---|---:|:-:|',
    );
    for (const [name, run] of queries) {
      const ms = await timeQuery(run);
      lines.push(`| ${name} | ${ms.toFixed(1)} | ${ms < TARGET_MS ? 'met' : '**not met**'} |`);
      process.stderr.write(`${engine}: ${name}: p95 ${ms.toFixed(1)} ms\n`);
    }
    lines.push('');
  } finally {
    await store.db.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
    await dropPostgres?.();
  }
  return lines;
}

const out = fileURLToPath(new URL('results/store.md', import.meta.url));
for (const engine of ENGINES) {
  const lines = await bench(engine);
  process.stdout.write(`${lines.join('\n')}\n`);
  await appendFile(out, `${lines.join('\n')}\n`);
}
