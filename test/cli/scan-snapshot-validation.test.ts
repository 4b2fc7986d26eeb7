import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { runCli } from '../support/run-cli.ts';

/**
 * `scan snapshot FILE` refuses a snapshot that breaks docs/snapshot.md with one line naming the file and the JSON
 * path, exit 2, nothing on stdout: malformed error records at every level the format has them, and an envelope
 * (account id, partition, time, regions, unknown fields) that would otherwise be coerced into something else.
 */
const base = { cloudwarden: 'snapshot/v1', accountId: '123456789012', collectedAt: '2026-11-22T00:00:00Z' };
const RECORD = 'an error record is {"error": {"name": "AccessDenied", "message": "Access Denied"}}';
const EMPTY_NAME = 'must be the AWS error code (AccessDenied, NoSuchBucketPolicy, …), not empty';
const NO_MESSAGE =
  'must be the error message AWS returned, "" when it gave none, as in {"error": {"name": "AccessDenied", "message": "Access Denied"}}';
const PER_RESOURCE =
  'a call made per resource holds one entry per resource id or ARN; record a failure under the resource\'s key: {"<id>": {"error": {"name": "AccessDenied", "message": "Access Denied"}}}';

/** Where error records sit: the operation key of each level, and the snapshot around a value put there. */
const LEVELS: Record<string, { at: string; wrap: (value: unknown) => Record<string, unknown> }> = {
  'account-level operation (s3control GetPublicAccessBlock)': {
    at: 's3.GetPublicAccessBlock',
    wrap: (v) => ({ s3: { GetPublicAccessBlock: v, buckets: {} } }),
  },
  'global operation (iam GetAccountSummary)': {
    at: 'iam.GetAccountSummary',
    wrap: (v) => ({ iam: { GetAccountSummary: v } }),
  },
  'global operation (cloudfront ListDistributions)': {
    at: 'cloudfront.ListDistributions',
    wrap: (v) => ({ cloudfront: { ListDistributions: v } }),
  },
  'regional listing (ec2 DescribeVpcs)': {
    at: 'ec2.us-east-1.DescribeVpcs',
    wrap: (v) => ({ regions: ['us-east-1'], ec2: { 'us-east-1': { DescribeVpcs: v } } }),
  },
  'per-bucket operation (GetBucketVersioning)': {
    at: 's3.buckets.logs.GetBucketVersioning',
    wrap: (v) => ({ s3: { buckets: { logs: { Region: 'us-east-1', GetBucketVersioning: v } } } }),
  },
  'per-resource follow-up (cloudtrail GetTrailStatus)': {
    at: 'cloudtrail.us-east-1.GetTrailStatus.arn:aws:cloudtrail:us-east-1:123456789012:trail/main',
    wrap: (v) => ({
      regions: ['us-east-1'],
      cloudtrail: { 'us-east-1': { GetTrailStatus: { 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main': v } } },
    }),
  },
  'per-resource follow-up (iam GetPolicyVersion)': {
    at: 'iam.GetPolicyVersion.arn:aws:iam::123456789012:policy/deploy',
    wrap: (v) => ({ iam: { GetPolicyVersion: { 'arn:aws:iam::123456789012:policy/deploy': v } } }),
  },
};

/** Each malformed error record, and the path suffix and message the user sees. */
const MALFORMED: Record<string, { value: unknown; suffix: string; message: string }> = {
  'a string error': { value: { error: 'AccessDenied' }, suffix: '.error', message: RECORD },
  'an empty name': {
    value: { error: { name: '', message: 'Access Denied' } },
    suffix: '.error.name',
    message: EMPTY_NAME,
  },
  'a blank name': {
    value: { error: { name: '  ', message: 'Access Denied' } },
    suffix: '.error.name',
    message: EMPTY_NAME,
  },
  'no name': {
    value: { error: { message: 'Access Denied' } },
    suffix: '.error.name',
    message: `must be the AWS error code, as in {"error": {"name": "AccessDenied", "message": "Access Denied"}}`,
  },
  'no message': { value: { error: { name: 'AccessDenied' } }, suffix: '.error.message', message: NO_MESSAGE },
  'a field next to error': {
    value: { error: { name: 'AccessDenied', message: 'Access Denied' }, Status: 'Enabled' },
    suffix: '',
    message: 'unknown field "Status"',
  },
  'a field inside error': {
    value: { error: { name: 'AccessDenied', message: 'Access Denied', Code: 'AccessDenied' } },
    suffix: '.error',
    message: 'unknown field "Code"',
  },
};

interface BadCase {
  snapshot: unknown;
  line: string;
}

const CASES: Record<string, BadCase> = {};
for (const [level, { at, wrap }] of Object.entries(LEVELS)) {
  for (const [shape, { value, suffix, message }] of Object.entries(MALFORMED)) {
    CASES[`${level}: ${shape}`] = { snapshot: { ...base, ...wrap(value) }, line: `${at}${suffix}: ${message}` };
  }
}
Object.assign(CASES, {
  'an error record in place of a per-resource map (ec2 DescribeSnapshotAttribute)': {
    snapshot: {
      ...base,
      regions: ['us-east-1'],
      ec2: {
        'us-east-1': { DescribeSnapshotAttribute: { error: { name: 'AccessDenied', message: 'Access Denied' } } },
      },
    },
    line: `ec2.us-east-1.DescribeSnapshotAttribute: ${PER_RESOURCE}`,
  },
  'an error record in place of a per-resource map (iam GetPolicyVersion)': {
    snapshot: { ...base, iam: { GetPolicyVersion: { error: { name: 'AccessDenied', message: 'Access Denied' } } } },
    line: `iam.GetPolicyVersion: ${PER_RESOURCE}`,
  },
  'a 5-digit account id (never zero-padded)': {
    snapshot: { ...base, accountId: '12345' },
    line: 'accountId: must be a 12-digit AWS account id',
  },
  'a 13-digit account id': {
    snapshot: { ...base, accountId: '1234567890123' },
    line: 'accountId: must be a 12-digit AWS account id',
  },
  'an account id as a JSON number': {
    snapshot: { ...base, accountId: 12345 },
    line: 'accountId: must be a 12-digit AWS account id, as a string ("012345678901")',
  },
  'a 12-digit account id as a JSON number': {
    snapshot: { ...base, accountId: 123456789012 },
    line: 'accountId: must be a 12-digit AWS account id, as a string ("012345678901")',
  },
  'an unknown partition': {
    snapshot: { ...base, partition: 'aws-fake' },
    line: 'partition: must be an AWS partition: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc',
  },
  'a partition in capitals': {
    snapshot: { ...base, partition: 'AWS' },
    line: 'partition: must be an AWS partition: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc',
  },
  'collectedAt that is not a time': {
    snapshot: { ...base, collectedAt: 'yesterday' },
    line: 'collectedAt: must be an ISO 8601 time, e.g. 2026-11-22T00:00:00Z',
  },
  'collectedAt without a time of day': {
    snapshot: { ...base, collectedAt: '2026-11-22' },
    line: 'collectedAt: must be an ISO 8601 time, e.g. 2026-11-22T00:00:00Z',
  },
  'a region that is not a region name': {
    snapshot: { ...base, regions: ['us-east-1', 'EU'] },
    line: 'regions[1]: must be an AWS region name (e.g. ap-northeast-1)',
  },
  'a region listed twice': {
    snapshot: { ...base, regions: ['us-east-1', 'eu-west-1', 'us-east-1'] },
    line: 'regions: lists a region twice',
  },
  'regions as a string': {
    snapshot: { ...base, regions: 'us-east-1' },
    line: 'regions: Invalid input: expected array, received string',
  },
  'an unknown top-level field': {
    snapshot: { ...base, Regions: ['us-east-1'] },
    line: '(top level): unknown field "Regions"',
  },
});

let dir: string;
const runs: Record<string, { code: number; stdout: string; stderr: string }> = {};
const fileOf = (name: string) => path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
const SPAWNED = 'per-bucket operation (GetBucketVersioning): a string error';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-snapshot-validation-'));
  for (const [name, { snapshot }] of Object.entries(CASES))
    await writeFile(fileOf(name), JSON.stringify(snapshot, null, 2));
  // one case through the real binary: the exit code is the process's, not only `run`'s return value
  runs[SPAWNED] = await runCli(['scan', 'snapshot', fileOf(SPAWNED)]);
  for (const name of Object.keys(CASES))
    if (name !== SPAWNED) runs[name] = await runCliInProcess(['scan', 'snapshot', fileOf(name)]);
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scan snapshot refuses a snapshot that breaks the format', () => {
  for (const [name, { line }] of Object.entries(CASES)) {
    it(`${name}: exit 2 and "FILE: ${line}"`, () => {
      const run = runs[name]!;
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`error: ${fileOf(name)}: ${line}\n`);
      expect(run.code).toBe(2);
    });
  }
});
