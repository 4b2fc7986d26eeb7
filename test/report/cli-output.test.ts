import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import type { CliRun } from '../support/run-cli.ts';

const DEMO = fileURLToPath(new URL('../../examples/demo-account.json', import.meta.url));
const TEMPLATE = fileURLToPath(new URL('../../templates/assessment-report.md.hbs', import.meta.url));

let dir: string;

/** Runs from a directory of our choosing: default accept files are read from the working directory. */
const cli = (args: readonly string[], cwd = dir) => runCliInProcess(args, { cwd });

interface JsonResult {
  checkId: string;
  status: string;
  resource: { arn: string };
  acceptance?: { reason: string; acceptedBy?: string; expires?: string; source: string; originalStatus: string };
}
const results = (run: CliRun) => (JSON.parse(run.stdout) as { results: JsonResult[] }).results;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-output-'));
  await writeFile(
    path.join(dir, 'accept.yaml'),
    `- check: AVD-AWS-0089
  reason: access logs go to the central logging account
  accepted_by: security-team
  expires: 2099-12-31
`,
  );
  await writeFile(
    path.join(dir, 'expired.yaml'),
    '- check: S3.9\n  reason: until the migration\n  expires: 2020-01-31\n',
  );
  await writeFile(path.join(dir, 'bad.yaml'), '- check: S3.9\n  reason: x\n  expires: 31/12/2026\n');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('scan output flags', () => {
  it('keeps accepted results with who, why and until, and they do not trip --exit-code', async () => {
    const gated = await cli([
      'scan',
      'snapshot',
      DEMO,
      '--check',
      'AVD-AWS-0089',
      '--status',
      'fail',
      '--exit-code',
      '3',
      '-q',
    ]);
    expect(gated.code).toBe(3);
    const run = await cli([
      'scan',
      'snapshot',
      DEMO,
      '--check',
      'AVD-AWS-0089',
      '--accept',
      'accept.yaml',
      '--format',
      'json',
      '--exit-code',
      '3',
      '-q',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const accepted = results(run).filter((r) => r.status === 'accepted');
    expect(accepted.length).toBeGreaterThan(0);
    expect(results(run).some((r) => r.status === 'fail')).toBe(false);
    expect(accepted[0]!.acceptance).toEqual({
      reason: 'access logs go to the central logging account',
      acceptedBy: 'security-team',
      expires: '2099-12-31',
      source: 'accept.yaml:1',
      originalStatus: expect.stringMatching(/^(fail|unknown)$/),
    });
  });

  it('hides accepted results with --show-accepted=false', async () => {
    const run = await cli([
      'scan',
      'snapshot',
      DEMO,
      '--accept',
      'accept.yaml',
      '--show-accepted=false',
      '--format',
      'json',
      '-q',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(results(run).filter((r) => r.status === 'accepted')).toEqual([]);
    expect(results(run).filter((r) => r.checkId === 's3-bucket-logging-enabled')).toEqual(
      results(run).filter((r) => r.checkId === 's3-bucket-logging-enabled' && r.status === 'pass'),
    );
  });

  it('warns on stderr about an expired acceptance and reports its results again', async () => {
    const run = await cli(['scan', 'snapshot', DEMO, '--accept', 'expired.yaml', '--format', 'json', '-q']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^warning: expired\.yaml:1: acceptance of S3\.9 expired on 2020-01-31; \d+ result\(s\) it covered are reported again/m,
    );
    expect(results(run).some((r) => r.checkId === 's3-bucket-logging-enabled' && r.status === 'fail')).toBe(true);
  });

  it('rejects a bad accept file with file:line and exit code 2', async () => {
    const run = await cli(['scan', 'snapshot', DEMO, '--accept', 'bad.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: bad.yaml:3: expires: is not a date: write YYYY-MM-DD, e.g. 2026-12-31\n');
    expect(run.stdout).toBe('');
  });

  it('reads .cloudwarden/accept.yaml and .trivyignore from the working directory', async () => {
    const project = await mkdtemp(path.join(dir, 'project-'));
    await mkdir(path.join(project, '.cloudwarden'));
    await writeFile(
      path.join(project, '.cloudwarden', 'accept.yaml'),
      '- check: s3-bucket-versioning-enabled\n  reason: versioning is not wanted here\n',
    );
    // seed 000's list, the reason written next to each id, plus an id of another scanner
    await writeFile(
      path.join(project, '.trivyignore'),
      '# access logs come from CloudTrail data events\nAVD-AWS-0089\n# the exporter cannot use a CMK\nAVD-AWS-0065\nAVD-DS-0002\n',
    );
    const run = await cli(['scan', 'snapshot', DEMO, '--format', 'json', '-q'], project);
    expect(run.code, run.stderr).toBe(0);
    // AVD-AWS-0065 (KMS key rotation) is a cloudwarden alias too and covers the demo key without rotation; a Dockerfile check id is not
    expect(run.stderr).toBe('warning: .trivyignore:5: AVD-DS-0002 names no cloudwarden check; the line is ignored\n');
    const sources = new Set(results(run).flatMap((r) => (r.acceptance ? [`${r.checkId} ${r.acceptance.source}`] : [])));
    expect([...sources].sort()).toEqual([
      'kms-key-rotation-enabled .trivyignore:4',
      's3-bucket-logging-enabled .trivyignore:2',
      's3-bucket-versioning-enabled .cloudwarden/accept.yaml:1',
    ]);
  });

  it('writes any format to --output', async () => {
    const out = path.join(dir, 'report.sarif');
    const run = await cli(['scan', 'snapshot', DEMO, '--format', 'sarif', '--output', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect((JSON.parse(await readFile(out, 'utf8')) as { version: string }).version).toBe('2.1.0');
  });

  it('renders the shipped assessment report template with @FILE', async () => {
    const run = await cli(['scan', 'snapshot', DEMO, '--format', 'template', '--template', `@${TEMPLATE}`, '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^# S3 Assessment Report\n/);
    expect(run.stdout).toContain('|Resource|Critical|High|Medium|Low|Info|Unknown|Accepted|');
  });

  it('names a template that does not exist, and a template error with file and line', async () => {
    const missing = await cli(['scan', 'snapshot', DEMO, '--template', '@nope.hbs']);
    expect([missing.code, missing.stderr]).toEqual([2, 'error: nope.hbs: --template: template not found\n']);
    await writeFile(path.join(dir, 'broken.hbs'), '# report\n{{#each resources}}\n{{arn}}\n');
    const broken = await cli(['scan', 'snapshot', DEMO, '--template', 'broken.hbs']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^error: broken\.hbs:\d+: template error: parse error/);
  });

  it('reports per compliance control, and --exit-code trips on a failed control', async () => {
    const run = await cli([
      'scan',
      'snapshot',
      DEMO,
      '--compliance',
      'cis-aws-v3.0',
      '--format',
      'json',
      '--exit-code',
      '4',
      '-q',
    ]);
    expect(run.code).toBe(4);
    const report = JSON.parse(run.stdout) as {
      framework: { name: string };
      controls: { id: string; status: string; failedResources: number }[];
    };
    expect(report.framework.name).toBe('cis-aws-v3.0');
    expect(report.controls).toHaveLength(62);
    expect(report.controls.find((c) => c.id === '2.1.1')).toMatchObject({ status: 'fail' });
    expect(report.controls.find((c) => c.id === '1.1')).toMatchObject({ status: 'manual' });
    const table = await cli(['scan', 'snapshot', DEMO, '--compliance', 'aws-fsbp', '-q']);
    expect(table.stdout).toMatch(
      /^S3\.8 +FAIL +\d+ of \d+ resources fail +high +\d+\n +S3 general purpose buckets should\n +block public access$/m,
    );
  });

  it('rejects an unknown format or framework with exit code 2', async () => {
    const format = await cli(['scan', 'snapshot', DEMO, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(
      /unknown format "pdf" \(use table, json, sarif, csv, markdown, html, junit, asff, template\)/,
    );
    const framework = await cli(['scan', 'snapshot', DEMO, '--compliance', 'pci']);
    expect(framework.code).toBe(2);
    expect(framework.stderr).toMatch(/unknown compliance framework "pci"/);
  });

  it('lists the frameworks', async () => {
    const run = await cli(['compliance', 'list', '--format', 'json']);
    const list = JSON.parse(run.stdout) as { name: string; controls: number; manual: number }[];
    expect(list.map((f) => [f.name, f.controls])).toEqual([
      ['cis-aws-v3.0', 62],
      ['cis-aws-v5.0', 63],
      ['cis-aws-v6.0', 63],
      ['aws-fsbp', 162],
    ]);
  });
});
