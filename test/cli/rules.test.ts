import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/engine/index.ts';
import { runCli, type CliRun } from '../support/run-cli.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

const FALCO = 'test/fixtures/third-party/falco/aws_cloudtrail_rules.yaml';
const dir = mkdtempSync(join(tmpdir(), 'cw-rules-cli-'));
const good = join(dir, 'good.yaml');
const bad = join(dir, 'bad.yaml');
writeFileSync(
  good,
  '- rule: Bucket Deleted\n  desc: d\n  condition: ct.name="DeleteBucket" and not ct.error exists\n  output: "bucket %s3.bucket deleted by %ct.user"\n  priority: notice\n  source: aws_cloudtrail\n  tags: [aws_s3]\n',
);
writeFileSync(
  bad,
  '- rule: Typo\n  desc: d\n  condition: ct.nme="A"\n  output: o\n  priority: WARNING\n  source: aws_cloudtrail\n- macro: m\n  condition: (ct.name="X"\n',
);

// Each spawn costs about a second, so every command runs once, all at the same time.
let validateFalco: CliRun;
let validateBad: CliRun;
let validateMissing: CliRun;
let list: CliRun;
let listJson: CliRun;
let validateSigma: CliRun;
let validateSigmaInvalid: CliRun;
let listSigma: CliRun;
const SIGMA = 'test/fixtures/detect/sigma';

beforeAll(async () => {
  [validateFalco, validateBad, validateMissing, list, listJson, validateSigma, validateSigmaInvalid, listSigma] =
    await Promise.all([
      runCli(['rules', 'validate', FALCO, good]),
      runCli(['rules', 'validate', dir]),
      runCli(['rules', 'validate', join(dir, 'nope.yaml')]),
      runCli(['rules', 'list'], { COLUMNS: '80' }),
      runCli(['rules', 'list', '--no-builtin', '--rules', FALCO, good, '--format', 'json']),
      runCli(['rules', 'validate', `${SIGMA}/mixed`, `${SIGMA}/untranslatable`]),
      runCli(['rules', 'validate', `${SIGMA}/invalid/undefined-identifier.yml`, `${SIGMA}/rules`]),
      runCli(['rules', 'list', '--no-builtin', '--rules', `${SIGMA}/mixed`, '--format', 'json']),
    ]);
}, 180_000);

describe('cloudwarden rules', () => {
  it('validate exits 0 on files that load, printing only notes', () => {
    expect(validateFalco.code, validateFalco.stderr).toBe(0);
    expect(validateFalco.stdout).toBe(
      `${FALCO}:22:3: warning: required_plugin_versions is accepted and ignored: cloudwarden reads CloudTrail without plugins\n`,
    );
    expect(validateFalco.stderr).toBe('2 rule files OK: 23 Falco rules and 0 Sigma rules loaded, 0 skipped\n');
  });

  it('validate prints file:line:col: message for every error and exits 2', () => {
    expect(validateBad.code).toBe(2);
    expect(validateBad.stdout.split('\n')).toEqual([
      `${bad}:3:14: rule "Typo": unknown field ct.nme (did you mean ct.name?)`,
      `${bad}:8:25: warning: macro m (not used by any aws_cloudtrail rule): syntax error in condition: expected ")" but found the end of the condition`,
      '',
    ]);
    expect(validateBad.stderr).toBe(
      '1 error in 1 of 2 rule files (1 Falco rule and 0 Sigma rules loaded, 0 skipped)\n',
    );
  });

  it('validate names a missing file and exits 2', () => {
    expect(validateMissing.code).toBe(2);
    expect(validateMissing.stderr).toContain('nope.yaml: rules file or directory not found');
  });

  it('list shows the built-in packs with priority, enabled state, tags and file', async () => {
    expect(list.code, list.stderr).toBe(0);
    const row = list.stdout.split('\n').find((l) => l.includes('S3 Bucket Policy Made Public'));
    // 80 columns cannot hold five columns of rule data without breaking words: one block per rule
    const block = list.stdout.slice(list.stdout.indexOf(row!)).split('\n').slice(0, 6).join('\n');
    expect(block).toMatch(
      /^S3 Bucket Policy Made Public\n {2}Priority +CRITICAL\n {2}Enabled +yes\n {2}Tags +cloud, aws, aws_s3,/,
    );
    expect(block).toMatch(/File +builtin:s3\.yaml:\d+/);
    for (const tag of ['cloudwarden,', 'mitre_exfiltration,', 'T1530']) expect(block).toContain(tag);
    for (const line of list.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    const builtin = (await loadRules({ builtin: true, files: [] })).rules;
    expect(builtin.length).toBeGreaterThan(0);
    expect(list.stdout).toMatch(
      new RegExp(`\\n${builtin.length} rules, ${builtin.filter((r) => r.enabled).length} enabled\\n$`),
    );
  });

  it('list --format json shows user files after --no-builtin, disabled rules included', () => {
    expect(listJson.code, listJson.stderr).toBe(0);
    const rules = JSON.parse(listJson.stdout) as {
      name: string;
      file: string;
      priority: string;
      enabled: boolean;
      tags: string[];
    }[];
    expect(rules).toHaveLength(23);
    expect(rules.find((r) => r.name === 'List Buckets')).toMatchObject({
      file: FALCO,
      priority: 'WARNING',
      enabled: false,
    });
    expect(rules.at(-1)).toMatchObject({
      name: 'Bucket Deleted',
      file: good,
      priority: 'NOTICE',
      enabled: true,
      tags: ['aws_s3'],
    });
    expect(listJson.stderr).toContain('required_plugin_versions is accepted and ignored');
  });

  it('validate loads Falco and Sigma files side by side, notes each Sigma rule it cannot run with file:line:col, and exits 0', () => {
    expect(validateSigma.code, validateSigma.stderr).toBe(0);
    expect(
      validateSigma.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/: warning: .*/, '')),
    ).toEqual([
      `${SIGMA}/untranslatable/aggregation.yml:9:26`,
      `${SIGMA}/untranslatable/keywords.yml:7:9`,
      `${SIGMA}/untranslatable/meta-filter.yml:6:1`,
      `${SIGMA}/untranslatable/unsupported-modifier.yml:8:9`,
      `${SIGMA}/untranslatable/windows-process.yml:3:5`,
    ]);
    expect(validateSigma.stderr).toBe(
      '8 rule files OK: 1 Falco rule and 2 Sigma rules loaded, 5 skipped: Sigma that cannot run on CloudTrail (warnings above)\n',
    );
  });

  it('validate exits 2 on an invalid Sigma file, as on an invalid Falco file', () => {
    expect(validateSigmaInvalid.code).toBe(2);
    expect(validateSigmaInvalid.stdout).toBe(
      `${SIGMA}/invalid/undefined-identifier.yml:10:34: Sigma rule "Undefined Search Identifier": condition names "filtr", which is not a search identifier of this rule\n`,
    );
    expect(validateSigmaInvalid.stderr).toBe(
      '1 error in 1 of 10 rule files (0 Falco rules and 9 Sigma rules loaded, 0 skipped)\n',
    );
  });

  it('list --format json shows Sigma rules with source sigma and their id', () => {
    expect(listSigma.code, listSigma.stderr).toBe(0);
    const rules = JSON.parse(listSigma.stdout) as { name: string; source: string; id?: string; priority: string }[];
    expect(rules.map((r) => [r.name, r.source, r.priority, r.id])).toEqual([
      ['Falco Trail Stopped', 'aws_cloudtrail', 'WARNING', undefined],
      ['CloudTrail Trail Stopped or Deleted', 'sigma', 'CRITICAL', '3f0e7a52-8c1d-4b6e-9f2a-5d4c3b2a1e09'],
      ['Call From An Offensive Security Distribution', 'sigma', 'WARNING', '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6'],
    ]);
  });
});

describe('rules validate says what it loaded and what it skipped', () => {
  it('a rule without source is counted as skipped, with why', async () => {
    const file = join(dir, 'mixed.yaml');
    writeFileSync(
      file,
      '- rule: No Source\n  desc: d\n  condition: evt.type=open\n  output: x\n  priority: WARNING\n' +
        '- rule: Trail Stopped\n  desc: d\n  condition: ct.name="StopLogging"\n  output: stopped\n  priority: WARNING\n  source: aws_cloudtrail\n',
    );
    const result = await runCliInProcess(['rules', 'validate', file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "1 rule file OK: 1 Falco rule and 0 Sigma rules loaded, 1 skipped: no source (Falco's default is syscall)\n",
    );
  });
});
