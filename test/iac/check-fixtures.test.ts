import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/catalogue.ts';
import { runsOnCode } from '../../src/iac/coverage.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { TABLE } from './table.ts';

/**
 * Per check that runs on code, `test/fixtures/iac/checks/<id>/` holds `pass/*.tf` and `pass.yaml` (every result of
 * the check there passes) and `fail/*.tf` and `fail.yaml` (at least one fails, located in that file).
 */
const FIXTURES = 'test/fixtures/iac/checks';

type Fixture = 'pass' | 'fail' | 'pass.yaml' | 'fail.yaml';

/**
 * Fixtures that cannot exist, and why: a verdict the language cannot produce. Every other check that runs on code
 * has all four.
 */
const CANNOT_EXIST: Record<string, { missing: Fixture[]; why: string }> = {
  'ec2-instance-single-eni': {
    missing: ['pass', 'fail', 'pass.yaml', 'fail.yaml'],
    why: 'the instance drafts carry no NetworkInterfaces (attached ENIs are not modelled yet): on code the check is unknown',
  },
  'kms-key-not-pending-deletion': {
    missing: ['fail', 'fail.yaml'],
    why: 'code cannot declare a key pending deletion: ScheduleKeyDeletion is an API call, not a resource property',
  },
  's3-account-public-access-block': {
    missing: ['pass.yaml', 'fail.yaml'],
    why: 'CloudFormation has no resource type for the account-level Block Public Access',
  },
  'ec2-ebs-default-encryption': {
    missing: ['pass.yaml', 'fail.yaml'],
    why: 'CloudFormation has no resource type for the account-level EBS encryption default',
  },
  'ec2-account-imdsv2-default': {
    missing: ['pass.yaml', 'fail.yaml'],
    why: 'CloudFormation has no resource type for the account-level instance metadata defaults',
  },
  'ec2-ebs-volume-encrypted': {
    missing: ['fail.yaml'],
    why: "a volume without Encrypted follows the account's EBS encryption default, which a template cannot declare (unknown)",
  },
  's3-bucket-public-access-block': {
    missing: ['fail.yaml'],
    why: "with the bucket's flags off the account-level setting decides, which a template cannot declare (unknown)",
  },
  's3-bucket-acl-not-public': {
    missing: ['fail.yaml'],
    why: 'a public grant fails only when the account-level IgnorePublicAcls is known off, which a template cannot declare',
  },
  's3-bucket-encryption-enabled': {
    missing: ['fail', 'fail.yaml'],
    why: 'S3 encrypts every bucket created since January 2023 (SSE-S3); code cannot turn it off',
  },
  's3-bucket-mfa-delete-enabled': {
    missing: ['pass.yaml'],
    why: "CloudFormation's VersioningConfiguration has no MFADelete: only the root user can enable it, through the API",
  },
};

const codeChecks = CHECKS.filter(runsOnCode).map((c) => c.id);
const inTable = new Set(TABLE.map(([id]) => id));
const withFixtures = codeChecks.filter((id) => existsSync(`${FIXTURES}/${id}`));

interface JsonResult {
  checkId: string;
  status: string;
  location?: { file: string };
}

async function resultsOf(check: string, path: string): Promise<JsonResult[]> {
  const run = await runCliInProcess(['scan', 'iac', path, '--check', check, '-f', 'json', '-q']);
  return (JSON.parse(run.stdout) as { results: JsonResult[] }).results.filter((r) => r.checkId === check);
}

describe('fixtures for every check that runs on code', () => {
  it('every such check has fixtures, or is in the table of cloudformation-and-table.test.ts', () => {
    // a check that starts to run on code must come with its fixtures
    expect(codeChecks.filter((id) => !inTable.has(id) && !withFixtures.includes(id))).toEqual([]);
  });

  it('a fixture is missing only where CANNOT_EXIST says why', () => {
    const missing = withFixtures.flatMap((check) =>
      (['pass', 'fail', 'pass.yaml', 'fail.yaml'] as const)
        .filter((f) => !existsSync(`${FIXTURES}/${check}/${f}`))
        .map((f) => `${check}/${f}`),
    );
    const excused = Object.entries(CANNOT_EXIST).flatMap(([check, { missing: m }]) => m.map((f) => `${check}/${f}`));
    expect(missing.sort()).toEqual(excused.sort());
  });

  it.each(withFixtures)('%s passes on pass/ and pass.yaml, fails on fail/ and fail.yaml', async (check) => {
    const exists = (f: Fixture) => !CANNOT_EXIST[check]?.missing.includes(f);
    for (const path of (['pass', 'pass.yaml'] as const).filter(exists).map((f) => `${FIXTURES}/${check}/${f}`)) {
      const results = await resultsOf(check, path);
      expect(results.length, path).toBeGreaterThan(0);
      expect(
        results.filter((r) => r.status !== 'pass'),
        path,
      ).toEqual([]);
    }
    for (const [path, file] of [
      ...(exists('fail') ? [[`${FIXTURES}/${check}/fail`, `${FIXTURES}/${check}/fail/main.tf`] as const] : []),
      ...(exists('fail.yaml') ? [[`${FIXTURES}/${check}/fail.yaml`, `${FIXTURES}/${check}/fail.yaml`] as const] : []),
    ]) {
      const failed = (await resultsOf(check, path)).filter((r) => r.status === 'fail');
      expect(failed.length, path).toBeGreaterThan(0);
      for (const r of failed) expect(r.location?.file, path).toBe(file);
    }
  });
});
