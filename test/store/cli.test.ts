/**
 * The store from the command line, on both engines: `demo --db`, a rescan of the same account with one bucket
 * deleted and one fixed, then `findings`, `history`, `diff`, `db scans` and `db prune` as a user runs them.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { dropTestDatabases, ENGINES } from './engines.ts';

const DEMO = new URL('../../examples/demo-account.json', import.meta.url);
let dir: string;
let rescan: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-store-cli-'));
  const snapshot = JSON.parse(await readFile(DEMO, 'utf8')) as {
    collectedAt: string;
    s3: { buckets: Record<string, { GetBucketLogging?: unknown }> };
  };
  // a day later: demo-public-by-acl is gone, demo-datalake-raw now logs its access
  snapshot.collectedAt = '2026-11-23T00:00:00Z';
  delete snapshot.s3.buckets['demo-public-by-acl'];
  snapshot.s3.buckets['demo-datalake-raw']!.GetBucketLogging = {
    LoggingEnabled: { TargetBucket: 'demo-access-logs', TargetPrefix: 'raw/' },
  };
  rescan = path.join(dir, 'rescan.json');
  await writeFile(rescan, JSON.stringify(snapshot));
});
afterAll(async () => {
  await dropTestDatabases();
  await rm(dir, { recursive: true, force: true });
});

// HOME points into the test directory: nothing reaches the real ~/.cloudwarden
const env = () => ({ HOME: dir, CLOUDWARDEN_DB: '' });

describe.each(ENGINES)('the store from the CLI on $engine', (engine) => {
  let db: string;
  beforeAll(async () => {
    db = await engine.createUrl();
  });

  it('demo --db stores the scan and says so', async () => {
    const run = await runCli(['demo', '--db', db, '--format', 'json'], env());
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^stored as scan 1 in \S+: \d+ new, 0 still open, 0 resolved, 0 resolved as deleted$/m);
  });

  it('a rescan resolves the fixed check as pass and the deleted bucket as deleted', async () => {
    const run = await runCli(['scan', 'snapshot', rescan, '--db', db, '--format', 'json'], env());
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /stored as scan 2 in \S+: 0 new, \d+ still open, 1 resolved, [1-9]\d* resolved as deleted/,
    );
    const resolved = await runCli(['findings', '--db', db, '--status', 'resolved', '--format', 'json'], env());
    const results = (
      JSON.parse(resolved.stdout) as { results: { checkId: string; resource: { arn: string }; message: string }[] }
    ).results;
    expect(results.filter((r) => r.resource.arn === 'arn:aws:s3:::demo-datalake-raw')).toEqual([
      expect.objectContaining({
        checkId: 's3-bucket-logging-enabled',
        message: expect.stringMatching(/resolved \d{4}-\d\d-\d\d \(pass\)\)$/),
      }),
    ]);
    const gone = results.filter((r) => r.resource.arn === 'arn:aws:s3:::demo-public-by-acl');
    expect(gone.length).toBeGreaterThan(0);
    for (const r of gone) expect(r.message).toMatch(/\(resource deleted\)\)$/);
  });

  it('findings filters by status, check and account, and writes the existing formats', async () => {
    const open = await runCli(['findings', '--db', db, '--check', 'S3.1', '--format', 'csv'], env());
    expect(open.code).toBe(0);
    expect(open.stdout.split('\n')[1]).toMatch(/^123456789012,arn:aws:s3::123456789012:account,.*,fail,/);
    const other = await runCli(['findings', '--db', db, '--account', '999999999999', '--format', 'json'], env());
    expect((JSON.parse(other.stdout) as { results: unknown[] }).results).toEqual([]);
    const bad = await runCli(['findings', '--db', db, '--status', 'closed'], env());
    expect({ code: bad.code, stderr: bad.stderr }).toEqual({
      code: 2,
      stderr: 'error: --status: unknown status "closed" (use open, resolved, accepted)\n',
    });
  });

  it('history shows each change of each check on the resource', async () => {
    const run = await runCli(['history', 'arn:aws:s3:::demo-datalake-raw', '--db', db, '--format', 'json'], env());
    const { changes } = JSON.parse(run.stdout) as { changes: { scanId: number; checkId: string; verdict: string }[] };
    const logging = changes.filter((c) => c.checkId === 's3-bucket-logging-enabled');
    expect(logging.map((c) => [c.scanId, c.verdict])).toEqual([
      [1, 'fail'],
      [2, 'pass'],
    ]);
  });

  it('diff names what was resolved between the two scans', async () => {
    const run = await runCli(['diff', '1', '2', '--db', db, '--format', 'json'], env());
    const diff = JSON.parse(run.stdout) as Record<
      'new' | 'resolved' | 'newlyUnknown',
      { resourceArn: string; after: string }[]
    >;
    expect(diff.new).toEqual([]);
    expect(diff.resolved).toContainEqual(
      expect.objectContaining({ resourceArn: 'arn:aws:s3:::demo-datalake-raw', after: 'pass' }),
    );
    expect(diff.resolved).toContainEqual(
      expect.objectContaining({ resourceArn: 'arn:aws:s3:::demo-public-by-acl', after: 'deleted' }),
    );
    const missing = await runCli(['diff', '1', '9', '--db', db], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: no scan 9 in /);
  });

  it('db prune keeps open findings and removes what ended before the cut-off', async () => {
    const scans = await runCli(['db', 'scans', '--db', db], env());
    expect(scans.stdout.trim().split('\n')).toHaveLength(2);
    const run = await runCli(['db', 'prune', '--older-than', '0d', '--db', db], env());
    expect(run.stdout).toMatch(/: 2 scans, [1-9]\d* resolved findings with their history/);
    const open = await runCli(['findings', '--db', db, '--format', 'json'], env());
    expect((JSON.parse(open.stdout) as { results: unknown[] }).results.length).toBeGreaterThan(0);
    expect((await runCli(['findings', '--db', db, '--status', 'resolved', '--format', 'json'], env())).stdout).toMatch(
      /"results": \[\]/,
    );
  });
});

describe('where results go without a URL', () => {
  it('--db alone stores under ~/.cloudwarden, and the reading commands find it there without --db', async () => {
    const run = await runCli(['demo', '--db', '--format', 'json', '--quiet'], env());
    expect(run.code).toBe(0);
    const findings = await runCli(['findings', '--format', 'json'], env());
    expect((JSON.parse(findings.stdout) as { results: unknown[] }).results.length).toBeGreaterThan(0);
    await expect(readFile(path.join(dir, '.cloudwarden', 'cloudwarden.db'))).resolves.toBeInstanceOf(Buffer);
  });

  it('a bad URL stops the run before any output', async () => {
    const run = await runCli(['demo', '--db', 'mysql://x/y'], env());
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'error: --db: "mysql://x/y" is not a database URL: use sqlite:PATH or postgres://USER@HOST/DB\n',
    );
  });
});
