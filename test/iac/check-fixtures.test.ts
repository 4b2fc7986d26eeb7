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

/**
 * Checks that run on code and have no fixtures of their own yet (the table of cloudformation-and-table.test.ts
 * covers five more). This list may only shrink: a check that starts to run on code must come with its fixtures.
 */
const AWAITING_FIXTURES = new Set([
  // added with the svc depth checks (RDS.6/.9/.10/.17, EC2.9/.17, KMS.3): fixtures to follow
  'ec2-instance-no-public-ipv4',
  'ec2-instance-single-eni',
  'kms-key-not-pending-deletion',
  'rds-instance-copy-tags-to-snapshot',
  'rds-instance-enhanced-monitoring',
  'rds-instance-iam-authentication',
  'rds-instance-logs-to-cloudwatch',
  'ec2-instance-uses-iam-role',
  'iam-no-cloudshell-full-access',
  'iam-policies-attached-to-groups-or-roles',
  'cloudtrail-bucket-not-public-and-logged',
  'cloudtrail-cloudwatch-logs',
  'cloudtrail-kms-encryption',
  'cloudtrail-multi-region-logging',
  'cloudtrail-s3-data-events',
  'ec2-account-imdsv2-default',
  'ec2-default-sg-restricts-all',
  'ec2-ebs-default-encryption',
  'ec2-instance-admin-ports-use-session-manager',
  'ec2-instance-imdsv2-required',
  'ec2-vpc-flow-logs-enabled',
  's3-account-public-access-block',
  's3-bucket-acl-not-public',
  's3-bucket-cors-no-wildcard-origin',
  's3-bucket-cross-region-replication',
  's3-bucket-encryption-enabled',
  's3-bucket-event-notifications',
  's3-bucket-kms-bucket-key-enabled',
  's3-bucket-mfa-delete-enabled',
  's3-bucket-object-lock',
  's3-bucket-owner-enforced',
  's3-bucket-policy-cross-account-write',
  's3-bucket-policy-cross-account',
  's3-bucket-policy-public-write',
  // a template cannot fail it alone: with the bucket's flags off, the account's setting (no CloudFormation type) decides
  's3-bucket-public-access-block',
]);

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
  it('every such check has fixtures, or is in the table, or is still awaiting them', () => {
    const uncovered = codeChecks.filter((id) => !inTable.has(id) && !withFixtures.includes(id));
    expect(uncovered.filter((id) => !AWAITING_FIXTURES.has(id))).toEqual([]);
    // a check that got its fixtures (or stopped running on code) leaves the awaiting list
    expect([...AWAITING_FIXTURES].filter((id) => !uncovered.includes(id))).toEqual([]);
  });

  it.each(withFixtures)('%s passes on pass/ and pass.yaml, fails on fail/ and fail.yaml', async (check) => {
    for (const path of [`${FIXTURES}/${check}/pass`, `${FIXTURES}/${check}/pass.yaml`]) {
      const results = await resultsOf(check, path);
      expect(results.length, path).toBeGreaterThan(0);
      expect(
        results.filter((r) => r.status !== 'pass'),
        path,
      ).toEqual([]);
    }
    for (const [path, file] of [
      [`${FIXTURES}/${check}/fail`, `${FIXTURES}/${check}/fail/main.tf`],
      [`${FIXTURES}/${check}/fail.yaml`, `${FIXTURES}/${check}/fail.yaml`],
    ] as const) {
      const failed = (await resultsOf(check, path)).filter((r) => r.status === 'fail');
      expect(failed.length, path).toBeGreaterThan(0);
      for (const r of failed) expect(r.location?.file, path).toBe(file);
    }
  });
});
