import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFindings } from '../vulns/inspector-fixtures.ts';

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
  return cloudwardenWith({}, ...args);
}

function cloudwardenWith(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/cloudwarden.js', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', NO_COLOR: '1', AWS_EC2_METADATA_DISABLED: 'true', ...env },
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

/**
 * Inspector2 on the loopback interface, as the REST-JSON protocol has it: ListFindings is
 * `POST /findings/list`, timestamps travel as epoch seconds, and throttling is HTTP 429 with
 * `x-amzn-errortype: ThrottlingException`. The first call is throttled; then two pages.
 */
const requests: { path: string; body: Record<string, unknown> }[] = [];
function wire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(wire);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wire(v)]));
  return value;
}
const wireFindings = wire(sdkFindings()) as unknown[];
const inspector: Server = createServer((req, res) => {
  let text = '';
  req.on('data', (chunk: Buffer) => (text += chunk.toString()));
  req.on('end', () => {
    const body = JSON.parse(text || '{}') as Record<string, unknown>;
    requests.push({ path: req.url ?? '', body });
    res.setHeader('content-type', 'application/json');
    if (requests.length === 1) {
      res.writeHead(429, { 'x-amzn-errortype': 'ThrottlingException' }).end(JSON.stringify({ message: 'Rate exceeded' }));
      return;
    }
    const page = body.nextToken === 'page-2' ? { findings: wireFindings.slice(3) } : { findings: wireFindings.slice(0, 3), nextToken: 'page-2' };
    res.writeHead(200).end(JSON.stringify(page));
  });
});

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
  await new Promise<void>((resolve) => inspector.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(inspector.address() as AddressInfo).port}`;
  const credentials = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_REGION: 'us-east-1' };
  const [csv, badFile, badFilter, noTty, live] = await Promise.all([
    cloudwarden('vulns', 'report', '--from', DEMO, '--format', 'csv', '--output', csvFile),
    cloudwarden('vulns', 'report', '--from', notInspector),
    cloudwarden('vulns', 'report', '--from', DEMO, '--fix-available', 'SOMETIMES'),
    cloudwarden('vulns', 'export', '--bucket', 'inspector2-test', '--kms-key', KEY, '--fix-policies'),
    cloudwardenWith(credentials, 'vulns', 'report', '--endpoint-url', endpoint, '--region', 'us-east-1', '--format', 'json', '--severity', 'critical,high', '--ecr-image-tag', 'latest', '--status', 'active,suppressed'),
  ]);
  Object.assign(runs, { csv, badFile, badFilter, noTty, live });
}, 120_000);
afterAll(async () => {
  inspector.close();
  await rm(dir, { recursive: true, force: true });
});

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

  it('reads Inspector through the SDK: throttling retried, every page, the filter on the wire', () => {
    const run = runs.live!;
    expect(run.stderr).toBe('9 findings: CRITICAL 2, HIGH 2, MEDIUM 3, LOW 1, UNTRIAGED 1; fix available for 5; exploit known for 1\n');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: { findingArn: string; firstObservedAt: string }[] };
    expect(report.findings.map((f) => f.findingArn)).toEqual(sdkFindings().map((f) => f.findingArn));
    expect(report.findings[0]!.firstObservedAt).toBe('2024-04-02T10:41:07.214Z');
    expect(requests.map((r) => [r.path, r.body.nextToken])).toEqual([
      ['/findings/list', undefined],
      ['/findings/list', undefined],
      ['/findings/list', 'page-2'],
    ]);
    expect(requests[2]!.body).toEqual({
      maxResults: 100,
      nextToken: 'page-2',
      filterCriteria: {
        severity: [
          { comparison: 'EQUALS', value: 'CRITICAL' },
          { comparison: 'EQUALS', value: 'HIGH' },
        ],
        findingStatus: [
          { comparison: 'EQUALS', value: 'ACTIVE' },
          { comparison: 'EQUALS', value: 'SUPPRESSED' },
        ],
        ecrImageTags: [{ comparison: 'EQUALS', value: 'latest' }],
      },
    });
  });
});
