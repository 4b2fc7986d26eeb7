import { DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { AUDITOR_IDENTITY, useFakeAwsSession } from '../support/fake-aws-session.ts';
import { permission, REGION, securityGroup } from '../support/ec2-builders.ts';

const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);

const workDir = useFakeAwsSession('cloudwarden-check-options-');
beforeEach(() => {
  sts.reset();
  ec2.reset();
  sts.on(GetCallerIdentityCommand).resolves(AUDITOR_IDENTITY);
  // Redis open to the world: not one of FSBP EC2.19's ports, so only a config that names 6379 fails it
  ec2
    .on(DescribeSecurityGroupsCommand)
    .resolves({ SecurityGroups: [securityGroup('sg-0redis', [permission('tcp', [6379, 6379], '0.0.0.0/0')])] });
  // the other EC2 calls answer nothing (the mock's default): only the security group check is read
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function config(name: string, text: string): Promise<string> {
  const file = path.join(workDir(), name);
  await writeFile(file, text, 'utf8');
  return file;
}

const SG_ARN = `arn:aws:ec2:${REGION}:123456789012:security-group/sg-0redis`;

async function sgVerdict(extra: string[]): Promise<{ status: string; message: string } | undefined> {
  const run = await runCliInProcess([
    'scan',
    'aws',
    '--service',
    'ec2',
    '--region',
    REGION,
    '-q',
    '-f',
    'json',
    '--check',
    'ec2-sg-no-public-admin-ports',
    ...extra,
  ]);
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as {
    results: { resource: { arn: string }; status: string; message: string }[];
  };
  const result = report.results.find((r) => r.resource.arn === SG_ARN);
  return result && { status: result.status, message: result.message };
}

describe('scan aws --config', () => {
  it('scans with the configured ports: Redis from anywhere passes by default and fails when 6379 is listed', async () => {
    expect(await sgVerdict([])).toEqual({
      status: 'pass',
      message: 'no inbound rule opens SSH, RDP, every port or a database/admin port to 0.0.0.0/0 or ::/0',
    });
    const file = await config('redis.yaml', 'checks:\n  ec2-sg-no-public-admin-ports:\n    ports: [22, 3389, 6379]\n');
    expect(await sgVerdict(['--config', file])).toEqual({
      status: 'fail',
      message: 'open to the internet: 6379 from 0.0.0.0/0',
    });
  });

  it.each([[[]], [['--org']]])('a bad config file stops the run before any AWS call (%j)', async (extra: string[]) => {
    const file = await config('typo.yaml', 'checks:\n  iam-user-access-keys-rotated:\n    max_days: 30\n');
    const run = await runCliInProcess(['scan', 'aws', ...extra, '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `error: ${file}:3:5: checks.iam-user-access-keys-rotated.max_days: unknown option (iam-user-access-keys-rotated has: days)\n`,
    );
    expect(sts.calls()).toHaveLength(0);
    expect(ec2.calls()).toHaveLength(0);
  });

  it('a missing config file is one line and exit 2', async () => {
    const file = path.join(workDir(), 'nope.yaml');
    const run = await runCliInProcess(['scan', 'aws', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${file}: config file not found\n`);
    expect(sts.calls()).toHaveLength(0);
  });
});

describe('checks show: options', () => {
  it('lists each option with its type, default and meaning, and an example', async () => {
    const run = await runCliInProcess(['checks', 'show', 'ec2-sg-no-public-admin-ports']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Options (set with --config FILE, see docs/scan-aws.md):');
    expect(run.stdout).toContain(
      '  ports  list of integer 0-65535  (default: [20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300])',
    );
    expect(run.stdout).toContain('      TCP ports no inbound rule may open to 0.0.0.0/0 or ::/0');
    expect(run.stdout).toContain('    checks:\n      ec2-sg-no-public-admin-ports:\n        ports: [20, 21,');
  });

  it('--format json carries the options; a check without options has none', async () => {
    const run = await runCliInProcess(['checks', 'show', 'IAM.3', '--format', 'json']);
    const [check] = JSON.parse(run.stdout) as { options: unknown }[];
    expect(check?.options).toEqual([
      {
        name: 'days',
        type: 'integer, 1 or more',
        default: '90',
        description: 'an active access key created or last rotated more than this many days ago fails',
      },
    ]);
    const plain = await runCliInProcess(['checks', 'show', 's3-bucket-versioning-enabled']);
    expect(plain.stdout).not.toContain('Options');
  });
});
