import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerIdentity,
  s3Xml,
  s3XmlError,
  startFakeAwsServer,
  type FakeRequest,
  type FakeResponse,
} from '../aws/fake-aws-http.ts';
import { exportTarget, policy, ROOT_STATEMENT } from '../vulns/export-fixtures.ts';
import { sdkFindings } from '../vulns/inspector-fixtures.ts';
import { bucketStatement, keyStatement } from '../../src/vulns/export-policies.ts';

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
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: '',
        AWS_SECRET_ACCESS_KEY: '',
        AWS_PROFILE: '',
        NO_COLOR: '1',
        AWS_EC2_METADATA_DISABLED: 'true',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      // the SDK's notice about Node 20 support is not ours to test
      const ours = stderr.replace(
        /\(node:\d+\) Warning: NodeVersionSupportWarning[\s\S]*?to show where the warning was created\)\n/,
        '',
      );
      resolve({ status, stdout, stderr: ours });
    });
  });
}

/**
 * AWS on the loopback interface, as the protocols have it: Inspector2 is REST-JSON (ListFindings is
 * `POST /findings/list`, timestamps travel as epoch seconds, throttling is HTTP 429 with
 * `x-amzn-errortype: ThrottlingException`), KMS is JSON 1.1 (`X-Amz-Target: TrentService.*`), S3 REST-XML
 * path-style, STS the query protocol. The first ListFindings call is throttled; then two pages.
 */
function wire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(wire);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wire(v)]));
  return value;
}
const wireFindings = wire(sdkFindings()) as unknown[];
const ACCOUNT = '111122223333';
const target = exportTarget('daily/');
let listCalls = 0;
let bucketPolicy: string | undefined;
let keyPolicy = policy(ROOT_STATEMENT);
const uploads: FakeRequest[] = [];

const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

function route(request: FakeRequest): FakeResponse {
  const body = request.body
    ? request.headers['content-type']?.includes('json')
      ? (JSON.parse(request.body) as Record<string, unknown>)
      : {}
    : {};
  const kms = request.headers['x-amz-target'];
  if (kms === 'TrentService.GetKeyPolicy') return json(200, { Policy: keyPolicy, PolicyName: 'default' });
  if (kms === 'TrentService.PutKeyPolicy') {
    keyPolicy = body.Policy as string;
    return json(200, {});
  }
  if (request.path === '/' && request.body.includes('Action=GetCallerIdentity')) return callerIdentity(ACCOUNT);
  if (request.path === '/findings/list') {
    listCalls += 1;
    if (listCalls === 1) return json(429, { message: 'Rate exceeded' }, { 'x-amzn-errortype': 'ThrottlingException' });
    return json(
      200,
      body.nextToken === 'page-2'
        ? { findings: wireFindings.slice(3) }
        : { findings: wireFindings.slice(0, 3), nextToken: 'page-2' },
    );
  }
  if (request.path === '/reporting/create') return json(200, { reportId: 'b6d4c5a8-report' });
  if (request.path === '/reporting/status/get') return json(200, { reportId: 'b6d4c5a8-report', status: 'SUCCEEDED' });
  // path-style addressing: the bucket is the first path segment
  if (request.path.replace(/\/$/, '') === `/${target.bucket}`) {
    if ('location' in request.query) return s3Xml('<LocationConstraint></LocationConstraint>', 'LocationConstraint');
    if ('encryption' in request.query) {
      return s3Xml(
        '<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>',
        'ServerSideEncryptionConfiguration',
      );
    }
    if ('policy' in request.query && request.method === 'GET') {
      return bucketPolicy
        ? { status: 200, headers: { 'content-type': 'application/json' }, body: bucketPolicy }
        : s3XmlError(404, 'NoSuchBucketPolicy', 'The bucket policy does not exist', { BucketName: target.bucket });
    }
    if ('policy' in request.query && request.method === 'PUT') {
      bucketPolicy = request.body;
      return { status: 204, body: '' };
    }
  }
  if (request.method === 'PUT' && request.path.startsWith(`/${target.bucket}/reports/`)) {
    uploads.push(request);
    return { status: 200, headers: { etag: '"9b2cf535f27731c974343645a3985328"' }, body: '' };
  }
  return json(400, { message: `unexpected ${request.method} ${request.path}` });
}

/** `aws-chunked`: `<hex size>\r\n<data>\r\n` chunks, a `0` chunk, then trailers. */
function decodeAwsChunked(body: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    const size = Number.parseInt(body.slice(at, eol).split(';')[0]!, 16);
    if (!size) return out;
    out += body.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
}

let aws: Awaited<ReturnType<typeof startFakeAwsServer>>;
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
  aws = await startFakeAwsServer(route);
  const endpoint = aws.url;
  const credentials = {
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: 'us-east-1',
  };
  const [csv, badFile, badFilter, noTty, live, exported, toS3] = await Promise.all([
    cloudwarden('vulns', 'report', '--from', DEMO, '--format', 'csv', '--output', csvFile),
    cloudwarden('vulns', 'report', '--from', notInspector),
    cloudwarden('vulns', 'report', '--from', DEMO, '--fix-available', 'SOMETIMES'),
    cloudwarden('vulns', 'export', '--bucket', 'inspector2-test', '--kms-key', KEY, '--fix-policies'),
    cloudwardenWith(
      credentials,
      'vulns',
      'report',
      '--endpoint-url',
      endpoint,
      '--region',
      'us-east-1',
      '--format',
      'json',
      '--severity',
      'critical,high',
      '--ecr-image-tag',
      'latest',
      '--status',
      'active,suppressed',
    ),
    cloudwardenWith(
      credentials,
      'vulns',
      'export',
      '--endpoint-url',
      endpoint,
      '--bucket',
      target.bucket,
      '--prefix',
      target.prefix,
      '--kms-key',
      target.kmsKeyArn,
      '--severity',
      'critical',
      '--fix-policies',
      '--yes',
    ),
    cloudwardenWith(
      credentials,
      'vulns',
      'report',
      '--endpoint-url',
      endpoint,
      '--from',
      DEMO,
      '--format',
      'csv',
      '--output',
      `s3://${target.bucket}/reports/`,
    ),
  ]);
  Object.assign(runs, { csv, badFile, badFilter, noTty, live, exported, toS3 });
}, 180_000);
afterAll(async () => {
  await aws.close();
  await rm(dir, { recursive: true, force: true });
});

describe('cloudwarden vulns', () => {
  it('reports the demo findings as Inspector CSV to a file, without credentials', async () => {
    const run = runs.csv!;
    expect(run.status).toBe(0);
    const rows = parse<Record<string, string>>(await readFile(csvFile, 'utf8'), { columns: true });
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r['Finding Type']))).toEqual(
      new Set(['PACKAGE_VULNERABILITY', 'NETWORK_REACHABILITY', 'CODE_VULNERABILITY']),
    );
    expect(rows.every((r) => r.Status === 'ACTIVE')).toBe(true);
    expect(run.stderr.trim()).toBe(
      `6 findings: CRITICAL 2, HIGH 1, MEDIUM 3; fix available for 3; exploit known for 1; written to ${csvFile}`,
    );
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
    expect(run.stderr.trim()).toBe(
      'error: --fix-policies: refusing to change policies without a terminal to ask on: run again with --yes to apply them',
    );
  });

  it('reads Inspector through the SDK: throttling retried, every page, the filter on the wire', () => {
    const run = runs.live!;
    expect(run.stderr).toBe(
      '9 findings: CRITICAL 2, HIGH 2, MEDIUM 3, LOW 1, UNTRIAGED 1; fix available for 5; exploit known for 1\n',
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: { findingArn: string; firstObservedAt: string }[] };
    expect(report.findings.map((f) => f.findingArn).sort()).toEqual(
      sdkFindings()
        .map((f) => String(f.findingArn))
        .sort(),
    );
    const http2 = report.findings.find((f) => f.findingArn === sdkFindings()[0]!.findingArn);
    expect(http2!.firstObservedAt).toBe('2024-04-02T10:41:07.214Z');
    const lists = aws.seen
      .filter((r) => r.path === '/findings/list')
      .map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(lists.map((r) => r.nextToken)).toEqual([undefined, undefined, 'page-2']);
    expect(lists[2]).toEqual({
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

  it('exports: preflight, --fix-policies --yes applies both statements, then CreateFindingsReport and its status', () => {
    const run = runs.exported!;
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('report b6d4c5a8-report SUCCEEDED: s3://inspector2-test/daily/\n');
    expect(run.stderr).toContain('preflight MISSING bucket-policy: bucket inspector2-test has no bucket policy');
    expect(run.stderr).toContain('preflight MISSING key-policy: key policy of');
    expect(run.stderr).toContain('updated the bucket policy of inspector2-test');
    expect(run.stderr).toMatch(/preflight after the changes:\npreflight ok {6}bucket-region/);
    expect(JSON.parse(bucketPolicy!).Statement).toEqual([bucketStatement(target)]);
    expect(JSON.parse(keyPolicy).Statement).toEqual([ROOT_STATEMENT, keyStatement(target)]);
    const create = aws.seen.find((r) => r.path === '/reporting/create')!;
    expect(JSON.parse(create.body)).toEqual({
      reportFormat: 'CSV',
      s3Destination: { bucketName: 'inspector2-test', keyPrefix: 'daily/', kmsKeyArn: target.kmsKeyArn },
      filterCriteria: {
        severity: [{ comparison: 'EQUALS', value: 'CRITICAL' }],
        findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
      },
    });
    expect(JSON.parse(aws.seen.find((r) => r.path === '/reporting/status/get')!.body)).toEqual({
      reportId: 'b6d4c5a8-report',
    });
  });

  it('uploads a report to s3://bucket/prefix/ under a dated name', () => {
    const run = runs.toS3!;
    expect(run.status).toBe(0);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.path).toMatch(
      /^\/inspector2-test\/reports\/inspector-findings-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.csv$/,
    );
    expect(uploads[0]!.headers['content-type']).toBe('text/csv; charset=utf-8');
    // the SDK streams the file with a CRC32 trailer (content-encoding aws-chunked), as S3 accepts it
    expect(uploads[0]!.headers['content-encoding']).toBe('aws-chunked');
    const csv = decodeAwsChunked(uploads[0]!.body);
    expect(csv.length).toBe(Number(uploads[0]!.headers['x-amz-decoded-content-length']));
    expect(parse(csv, { columns: true })).toHaveLength(6);
    expect(run.stderr.trim()).toBe(
      `6 findings: CRITICAL 2, HIGH 1, MEDIUM 3; fix available for 3; exploit known for 1; uploaded to s3:/${uploads[0]!.path}`,
    );
  });
});
