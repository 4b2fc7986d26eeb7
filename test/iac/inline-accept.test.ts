import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

interface JsonResult {
  checkId: string;
  status: string;
  resource: { address?: string };
  acceptance?: { source: string; reason: string; expires?: string };
}

const DIR = 'test/fixtures/iac/inline-accept';

async function scan(path: string) {
  const run = await runCliInProcess([
    'scan',
    'iac',
    path,
    '-f',
    'json',
    '--check',
    's3-bucket-versioning-enabled',
    '--check',
    's3-bucket-logging-enabled',
  ]);
  const results = (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
  const status = (check: string, address: string) =>
    results.find((r) => r.checkId === check && r.resource.address === address);
  return { run, status };
}

describe('cloudwarden:accept comments in code', () => {
  it('accepts one check on one Terraform resource, above the block or on its first line; an expired one warns', async () => {
    const { run, status } = await scan(`${DIR}/tf`);
    expect(run.code).toBe(0);
    expect(status('s3-bucket-versioning-enabled', 'aws_s3_bucket.scratch')).toMatchObject({
      status: 'accepted',
      acceptance: { source: `${DIR}/tf/main.tf:1`, reason: 'scratch data, rebuilt daily', expires: '2099-12-31' },
    });
    // only the check it names, only on that resource
    expect(status('s3-bucket-logging-enabled', 'aws_s3_bucket.scratch')?.status).toBe('fail');
    expect(status('s3-bucket-logging-enabled', 'aws_s3_bucket.other')).toMatchObject({
      status: 'accepted',
      acceptance: { source: `${DIR}/tf/main.tf:12`, reason: 'logs go elsewhere' },
    });
    // the alias S3.14 until 2020-01-31: expired, so the failure is reported again and the run says so
    expect(status('s3-bucket-versioning-enabled', 'aws_s3_bucket.expired')?.status).toBe('fail');
    expect(run.stderr).toContain(
      `warning: ${DIR}/tf/main.tf:7: acceptance of S3.14 expired on 2020-01-31; 1 result(s) it covered are reported again`,
    );
  });

  it('reads the comment above a CloudFormation resource in YAML', async () => {
    const { run, status } = await scan(`${DIR}/stack.yaml`);
    expect(status('s3-bucket-versioning-enabled', 'Cache')).toMatchObject({
      status: 'accepted',
      acceptance: { source: `${DIR}/stack.yaml:3`, reason: 'build cache' },
    });
    expect(status('s3-bucket-versioning-enabled', 'Old')?.status).toBe('fail');
    expect(run.stderr).toContain(
      `${DIR}/stack.yaml:8: acceptance of s3-bucket-versioning-enabled expired on 2021-06-30`,
    );
    // the unknown id is an error at its line: the report is written and the run exits 2
    expect(run.stderr).toContain(
      `${DIR}/stack.yaml:13: cloudwarden:accept names unknown check id or alias "no-such-check" (see \`cloudwarden checks list\`); not applied`,
    );
    expect(run.code).toBe(2);
  });

  it('a misspelt id or a date that is not one accepts nothing and exits 2, naming the line', async () => {
    const { run, status } = await scan(`${DIR}/tf-wrong`);
    expect(run.code).toBe(2);
    expect(status('s3-bucket-versioning-enabled', 'aws_s3_bucket.typo')?.status).toBe('fail');
    expect(status('s3-bucket-logging-enabled', 'aws_s3_bucket.baddate')?.status).toBe('fail');
    expect(run.stderr).toContain(
      `${DIR}/tf-wrong/main.tf:1: cloudwarden:accept names unknown check id or alias "s3-bucket-versoning-enabled"`,
    );
    expect(run.stderr).toContain(
      `${DIR}/tf-wrong/main.tf:6: cloudwarden:accept until "31-12-2026" is not a date: write YYYY-MM-DD, e.g. 2026-12-31`,
    );
  });
});
