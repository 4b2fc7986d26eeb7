import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.ts';
import { runCli, type CliRun } from '../support/run-cli.ts';

// Each spawn costs about a second, so every command runs once, all at the same time.
let list: CliRun;
let listJson: CliRun;
let showById: CliRun;
let showByTrivyAlias: CliRun;
let showByFsbpAlias: CliRun;
let showUnknown: CliRun;

beforeAll(async () => {
  [list, listJson, showById, showByTrivyAlias, showByFsbpAlias, showUnknown] = await Promise.all([
    runCli(['checks', 'list'], { COLUMNS: '80' }),
    runCli(['checks', 'list', '--service', 's3', '--format', 'json']),
    runCli(['checks', 'show', 's3-bucket-versioning-enabled']),
    runCli(['checks', 'show', 'AVD-AWS-0089']),
    runCli(['checks', 'show', 's3.9', '--format', 'json']),
    runCli(['checks', 'show', 'no-such-check']),
  ]);
}, 180_000);

const lines = (text: string) => text.split('\n');

describe('cloudwarden checks', () => {
  it('list prints every check with its severity and aliases', () => {
    expect(list.code, list.stderr).toBe(0);
    for (const check of CHECKS) {
      // 80 columns: one block per check, the id on its own line, then its severity, aliases and title
      const out = lines(list.stdout);
      const at = out.indexOf(check.id);
      expect(at, check.id).toBeGreaterThanOrEqual(0);
      expect(out[at + 1]).toMatch(new RegExp(`^ {2}Severity +${check.severity}$`));
      if (check.aliases[0]) expect(out[at + 2]).toContain(check.aliases[0]);
    }
    for (const line of lines(list.stdout)) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(list.stdout).toContain(`${CHECKS.length} checks`);
  });

  it('list --format json gives the metadata of every s3 check', () => {
    expect(listJson.code, listJson.stderr).toBe(0);
    const parsed = JSON.parse(listJson.stdout) as Array<Record<string, unknown>>;
    expect(parsed.map((c) => c.id).sort()).toEqual(
      CHECKS.filter((c) => c.service === 's3')
        .map((c) => c.id)
        .sort(),
    );
    const logging = parsed.find((c) => c.id === 's3-bucket-logging-enabled');
    expect(logging).toMatchObject({
      aliases: ['AVD-AWS-0089', 'S3.9'],
      severity: 'medium',
      service: 's3',
      needs: ['s3:GetBucketLogging'],
      remediation: {
        terraform: expect.stringContaining('aws_s3_bucket_logging'),
        cli: expect.stringContaining('put-bucket-logging'),
        console: expect.any(String),
      },
    });
    expect(logging).not.toHaveProperty('evaluate');
  });

  it('show ID prints the description, the three remediations and the references', () => {
    expect(showById.code, showById.stderr).toBe(0);
    const out = showById.stdout;
    expect(out).toMatch(/^s3-bucket-versioning-enabled {2}\[MEDIUM\] {2}S3 bucket has versioning enabled/);
    expect(out).toContain('aliases: AVD-AWS-0090, S3.14');
    expect(out).toContain('Remediation (Terraform):\nresource "aws_s3_bucket_versioning"');
    expect(out).toContain('Remediation (AWS CLI):\naws s3api put-bucket-versioning');
    expect(out).toContain('Remediation (console): S3 console');
    expect(out).toContain('https://avd.aquasec.com/misconfig/avd-aws-0090');
  });

  it('show accepts a trivy alias', () => {
    expect(showByTrivyAlias.code, showByTrivyAlias.stderr).toBe(0);
    expect(showByTrivyAlias.stdout).toMatch(/^s3-bucket-logging-enabled {2}\[MEDIUM\]/);
    expect(showByTrivyAlias.stdout).toContain('CloudTrail');
  });

  it('show accepts a Security Hub control id, case-insensitively, as JSON', () => {
    expect(showByFsbpAlias.code, showByFsbpAlias.stderr).toBe(0);
    const parsed = JSON.parse(showByFsbpAlias.stdout) as Array<{ id: string }>;
    expect(parsed.map((c) => c.id)).toEqual(['s3-bucket-logging-enabled']);
  });

  it('show with an unknown id exits 2 with one clear line', () => {
    expect(showUnknown.code).toBe(2);
    expect(showUnknown.stdout).toBe('');
    expect(showUnknown.stderr.trim().split('\n')).toEqual([
      'error: id: unknown check id or alias "no-such-check" (see `cloudwarden checks list`)',
    ]);
  });
});
