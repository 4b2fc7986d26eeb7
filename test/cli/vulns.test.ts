import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO = 'examples/vulns/inspector-findings.json';
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** One CLI process; stdin is not a terminal, and there are no credentials and no network to use. */
function cloudwarden(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/cloudwarden.js', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      // the SDK's notice about Node 20 support is not ours to test
      const ours = stderr.replace(/\(node:\d+\) Warning: NodeVersionSupportWarning[\s\S]*?to show where the warning was created\)\n/, '');
      resolve({ status, stdout, stderr: ours });
    });
  });
}

let dir: string;
let csvFile: string;
let notInspector: string;
const runs: Record<string, Run> = {};

// The processes run side by side: each one pays tsx's start-up, none waits for another.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vulns-cli-'));
  csvFile = join(dir, 'report.csv');
  notInspector = join(dir, 'trail.json');
  await writeFile(notInspector, JSON.stringify({ Records: [] }));
  const [csv, badFile, badFilter, noTty] = await Promise.all([
    cloudwarden('vulns', 'report', '--from', DEMO, '--format', 'csv', '--output', csvFile),
    cloudwarden('vulns', 'report', '--from', notInspector),
    cloudwarden('vulns', 'report', '--from', DEMO, '--fix-available', 'SOMETIMES'),
    cloudwarden('vulns', 'export', '--bucket', 'inspector2-test', '--kms-key', KEY, '--fix-policies'),
  ]);
  Object.assign(runs, { csv, badFile, badFilter, noTty });
}, 120_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('cloudwarden vulns', () => {
  it('reports the demo findings as Inspector CSV to a file, without credentials', async () => {
    const run = runs.csv!;
    expect(run.status).toBe(0);
    const rows = parse(await readFile(csvFile, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r['Finding Type']))).toEqual(new Set(['PACKAGE_VULNERABILITY', 'NETWORK_REACHABILITY', 'CODE_VULNERABILITY']));
    expect(rows.every((r) => r.Status === 'ACTIVE')).toBe(true);
    expect(run.stderr.trim()).toBe(`6 findings: CRITICAL 2, HIGH 1, MEDIUM 3; fix available for 3; exploit known for 1; written to ${csvFile}`);
  });

  it('exits 2 with one line for a file that is not Inspector JSON', () => {
    const run = runs.badFile!;
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `error: ${notInspector}:1: findings: not Inspector findings JSON: expected {"findings": [...]} as printed by \`aws inspector2 list-findings\` or written by \`cloudwarden vulns report --format json\``,
    ]);
  });

  it('exits 2 with one line for an unknown filter value', () => {
    const run = runs.badFilter!;
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe('error: --fix-available: unknown value "SOMETIMES" (use YES, NO, PARTIAL)');
  });

  it('refuses --fix-policies without a terminal or --yes, before touching AWS', () => {
    const run = runs.noTty!;
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('error: --fix-policies: refusing to change policies without a terminal to ask on: run again with --yes to apply them');
  });
});
