import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { SEVERITIES } from '../../src/findings/severity.ts';
import { runCli, type CliRun } from '../support/run-cli.ts';

interface JsonResult {
  checkId: string;
  aliases: unknown;
  title: string;
  severity: string;
  status: string;
  resource: { arn: string; type: string; region: string };
  message: string;
  reason?: string;
}

const demo = JSON.parse(await readFile(new URL('../../examples/demo-account.json', import.meta.url), 'utf8')) as {
  accountId: string;
  s3: { buckets: Record<string, unknown> };
};
const bucketArns = Object.keys(demo.s3.buckets).map((name) => `arn:aws:s3:::${name}`);
const firstBucket = bucketArns.sort()[0] ?? '';

const base = { cloudwarden: 'snapshot/v1', accountId: '123456789012', collectedAt: '2026-11-22T00:00:00Z' };
const BAD_SNAPSHOTS: Record<string, { content: string; line: RegExp }> = {
  // a trailing comma, as hand-editing leaves it
  'invalid-json': {
    content: '{\n  "cloudwarden": "snapshot/v1",\n  "accountId": "123456789012",\n}\n',
    line: /^error: \S+invalid-json\.json:4:1: invalid JSON: /,
  },
  'wrong-version': {
    content: JSON.stringify({ ...base, cloudwarden: 'snapshot/v2', s3: { buckets: {} } }),
    line: /^error: \S+wrong-version\.json: cloudwarden: unsupported snapshot version "snapshot\/v2"/,
  },
  'missing-buckets': {
    content: JSON.stringify({ ...base, s3: {} }),
    line: /^error: \S+missing-buckets\.json: s3\.buckets: /,
  },
  'wrong-shape': {
    content: JSON.stringify({
      ...base,
      s3: { buckets: { logs: { Region: 'us-east-1', GetBucketAcl: { Grants: 'everyone' } } } },
    }),
    line: /^error: \S+wrong-shape\.json: s3\.buckets\.logs\.GetBucketAcl\.Grants: .*expected array/,
  },
};

let dir: string;
let table: CliRun;
let wide: CliRun;
let json: CliRun;
let detail: CliRun;
let gate: CliRun;
const bad: Record<string, CliRun> = {};

// Each spawn costs about a second: every command runs once, all at the same time.
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-demo-test-'));
  const badNames = Object.keys(BAD_SNAPSHOTS);
  await Promise.all(badNames.map((name) => writeFile(path.join(dir, `${name}.json`), BAD_SNAPSHOTS[name]!.content)));
  const fileOf = (name: string) => path.join(dir, `${name}.json`);
  const [spawned, ...inProcess] = badNames;
  [table, wide, json, detail, gate, bad[spawned!]] = await Promise.all([
    runCli(['demo'], { COLUMNS: '80' }),
    runCli(['demo', '--show-passed', '--quiet'], { COLUMNS: '200' }),
    // read slowly: the JSON is larger than a pipe buffer and must arrive whole (`| jq`)
    runCli(['demo', '--format', 'json', '--quiet'], { slowReaderMs: 1000 }),
    runCli(['demo', '--arn', firstBucket, '--quiet']),
    runCli(['demo', '--severity', 'high', '--exit-code', '5', '--quiet']),
    runCli(['scan', 'snapshot', fileOf(spawned!)]),
  ]);
  for (const name of inProcess) bad[name] = await runCliInProcess(['scan', 'snapshot', fileOf(name)]);
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function results(): JsonResult[] {
  return (JSON.parse(json.stdout) as { results: JsonResult[] }).results;
}

describe('cloudwarden demo', () => {
  it('exits 0 and prints a summary that fits 80 columns: resources needing attention, by service, and a total line', () => {
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(`Resource Summary (AWS Account ${demo.accountId}`);
    for (const line of table.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(table.stdout).toMatch(/^s3 in us-east-1: \d+ (of \d+ )?resources?/m);
    expect(table.stdout).toMatch(/^ {2}demo-public-by-policy +1 +\d+ +\d+ +\d+ +\d+ +\d+ +\d+$/m);
    expect(table.stdout).toMatch(/^ {2}Total: \d+ resources( +\d+){7}$/m);
    expect(table.stdout).toMatch(/^… \d+ passed checks on \d+ resources not shown; --show-passed lists them$/m);
    expect(table.stdout).toMatch(/\d+ results: \d+ failed, \d+ unknown, \d+ passed\./);
    expect(table.stderr, 'the hint goes to stderr').toContain('cloudwarden demo --arn');
  });

  it('--show-passed lists every resource, every demo bucket among them', () => {
    expect(wide.code, wide.stderr).toBe(0);
    for (const arn of bucketArns)
      expect(wide.stdout, arn).toMatch(new RegExp(`^ {2}${arn.slice('arn:aws:s3:::'.length)}( +\\d+){7}$`, 'm'));
    expect(wide.stdout).not.toContain('not shown');
  });

  it('--format json has the report fields and a complete result for every check and bucket', () => {
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      schemaVersion: expect.any(Number),
      accountId: demo.accountId,
      results: expect.any(Array),
    });
    expect(new Date(String(report.generatedAt)).toISOString()).toBe(report.generatedAt);
    expect(json.stderr, '--quiet prints no hint').toBe('');
    const all = results();
    for (const r of all) {
      expect(r.checkId).toMatch(/^[a-z0-9-]+$/);
      expect(Array.isArray(r.aliases) && r.aliases.every((a) => typeof a === 'string'), r.checkId).toBe(true);
      expect(r.title.length).toBeGreaterThan(0);
      expect(SEVERITIES).toContain(r.severity);
      expect(['pass', 'fail', 'unknown']).toContain(r.status);
      expect(r.resource).toEqual({
        arn: expect.stringMatching(/^arn:aws:/),
        type: expect.any(String),
        region: expect.any(String),
      });
      expect(r.message.length, `${r.checkId} on ${r.resource.arn}`).toBeGreaterThan(0);
      if (r.status === 'unknown') expect(r.reason, r.checkId).toMatch(/\S/);
    }
    const statuses = new Set(all.map((r) => r.status));
    expect([...statuses].sort(), 'passes are reported too').toEqual(['fail', 'pass', 'unknown']);
    for (const arn of bucketArns)
      expect(
        all.some((r) => r.resource.arn === arn),
        arn,
      ).toBe(true);
  });

  it('--arn prints the per-check detail that agrees with the JSON report', () => {
    expect(detail.code, detail.stderr).toBe(0);
    const mine = results().filter((r) => r.resource.arn === firstBucket);
    const count = (status: string) => mine.filter((r) => r.status === status).length;
    expect(detail.stdout).toContain(`Results for '${firstBucket}'`);
    expect(detail.stdout).toContain(
      `Tests: ${mine.length} (SUCCESSES: ${count('pass')}, FAILURES: ${count('fail')}, UNKNOWN: ${count('unknown')})`,
    );
    for (const failure of mine.filter((r) => r.status === 'fail'))
      expect(detail.stdout).toContain(`[${failure.checkId}`);
  });

  it('--exit-code 5 --severity high exits 5 because a high failure remains', () => {
    expect(
      results().some((r) => r.severity === 'high' && r.status === 'fail'),
      'the demo has high failures',
    ).toBe(true);
    expect(gate.code, gate.stderr).toBe(5);
    expect(gate.stdout).toMatch(/^ {2}Total: \d+ resources +\d+ +[1-9]\d* +0 +0 +0 /m);
  });

  for (const name of Object.keys(BAD_SNAPSHOTS)) {
    it(`a snapshot with ${name} gives one line naming the file and JSON path, exit 2`, () => {
      const run = bad[name]!;
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(BAD_SNAPSHOTS[name]!.line);
    });
  }
});
