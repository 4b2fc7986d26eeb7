import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import { hardenedBucket } from '../support/snapshot-builders.ts';
import { runCli } from '../support/run-cli.ts';
import {
  answersFromEntry,
  installFakeAccount,
  s3Error,
  stsError,
  type FakeAccount,
  type FakeBucket,
} from '../collect/fake-s3-account.ts';

interface JsonReport {
  accountId: string;
  generatedAt: string;
  results: { checkId: string; status: string; resource: { arn: string; region: string }; reason?: string }[];
}

function bucket(
  name: string,
  region: string,
  answers: FakeBucket['answers'] = {},
  extra: Partial<FakeBucket> = {},
): FakeBucket {
  return { ...extra, region, answers: { ...answersFromEntry(hardenedBucket(name, { Region: region })), ...answers } };
}

const ACCOUNT: FakeAccount = {
  buckets: {
    'prod-assets': bucket('prod-assets', 'ap-northeast-1'),
    'legacy-uploads': bucket(
      'legacy-uploads',
      'eu-west-1',
      {
        GetBucketVersioning: {},
        GetBucketLogging: {},
        GetBucketPolicy: s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist'),
        GetBucketPolicyStatus: s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist'),
        GetBucketEncryption: {
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
          },
        },
      },
      { listRegion: false, location: { LocationConstraint: 'EU' } },
    ),
    'audit-trail': bucket('audit-trail', 'us-east-1', { GetBucketLogging: s3Error('AccessDenied', 'Access Denied') }),
  },
  pageSize: 2,
};

let dir: string;
let fake: ReturnType<typeof installFakeAccount> | undefined;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-scan-aws-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  fake?.restore();
  fake = undefined;
  vi.restoreAllMocks();
});

const cli = (args: string[]) => runCliInProcess(args);

describe('cloudwarden scan aws', () => {
  it('gives the same results as `scan snapshot` of the snapshot it wrote', async () => {
    fake = installFakeAccount(ACCOUNT);
    const out = path.join(dir, 'live.json');
    const live = await cli(['scan', 'aws', '--service', 's3', '--format', 'json', '--snapshot-out', out, '--quiet']);
    expect(live.stderr).toBe('');
    expect(live.code).toBe(0);
    fake.restore();
    fake = undefined;

    const saved = validateSnapshot(JSON.parse(await readFile(out, 'utf8')));
    expect(Object.keys(saved.s3!.buckets).sort()).toEqual(['audit-trail', 'legacy-uploads', 'prod-assets']);
    expect(saved.s3!.buckets['legacy-uploads']!.Region).toBe('eu-west-1');

    const offline = await cli(['scan', 'snapshot', out, '--format', 'json']);
    expect(offline.code).toBe(0);
    const a = JSON.parse(live.stdout) as JsonReport;
    const b = JSON.parse(offline.stdout) as JsonReport;
    expect(a.results.length).toBeGreaterThan(0);
    expect(a.results).toEqual(b.results);
    expect(a.accountId).toBe('123456789012');

    const logging = a.results.find(
      (r) => r.checkId === 's3-bucket-logging-enabled' && r.resource.arn === 'arn:aws:s3:::audit-trail',
    );
    expect(logging?.status).toBe('unknown');
    expect(logging?.reason).toContain('AccessDenied on s3:GetBucketLogging');
    const versioning = a.results.find(
      (r) => r.checkId === 's3-bucket-versioning-enabled' && r.resource.arn === 'arn:aws:s3:::legacy-uploads',
    );
    expect(versioning).toMatchObject({ status: 'fail', resource: { region: 'eu-west-1' } });
  });

  it('exits with --exit-code when failures remain', async () => {
    fake = installFakeAccount(ACCOUNT);
    const result = await cli(['scan', 'aws', '--service', 's3', '--exit-code', '4', '--quiet']);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('legacy-uploads');
  });

  it('says how many buckets --region left out, and scans the rest', async () => {
    fake = installFakeAccount(ACCOUNT);
    const result = await cli(['scan', 'aws', '--service', 's3', '--region', 'eu-west-1', '--format', 'json']);
    expect(result.code).toBe(0);
    const arns = new Set((JSON.parse(result.stdout) as JsonReport).results.map((r) => r.resource.arn));
    expect(arns).toContain('arn:aws:s3:::legacy-uploads');
    expect(arns).not.toContain('arn:aws:s3:::prod-assets');
    expect(result.stderr).toContain('2 of 3 buckets are outside --region eu-west-1 and were not scanned');
  });

  it('turns an expired token on the first call into one line and exit code 2', async () => {
    fake = installFakeAccount({
      buckets: {},
      identity: stsError('ExpiredToken', 'The security token included in the request is expired'),
    });
    const result = await cli(['scan', 'aws']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^error: AWS ExpiredToken \(sts:GetCallerIdentity\): the AWS session token has expired/,
    );
  });

  it('rejects bad flags before calling AWS', async () => {
    fake = installFakeAccount(ACCOUNT);
    for (const args of [
      ['--format', 'yaml'],
      ['--concurrency', '0'],
      ['--severity', 'urgent'],
      ['--service', 'no-such-service'],
      ['--service', 's3,nosuch'],
      ['--region', 'tokyo'],
      ['--region', 'us-east-1,eu_west_1'],
    ]) {
      const result = await cli(['scan', 'aws', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(fake.calls.total).toBe(0);
  });

  it.each([[[]], [['--profile', 'auditor']]])(
    'says "no credentials" in one line with exit code 2 (real credential chain, nothing configured; %j)',
    async (extra: string[]) => {
      const result = await runCli(['scan', 'aws', ...extra], {
        env: {
          AWS_ACCESS_KEY_ID: '',
          AWS_SECRET_ACCESS_KEY: '',
          AWS_SESSION_TOKEN: '',
          AWS_PROFILE: '',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: path.join(dir, 'no-config'),
          AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials'),
          AWS_WEB_IDENTITY_TOKEN_FILE: '',
          AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '',
          AWS_CONTAINER_CREDENTIALS_FULL_URI: '',
          AWS_REGION: 'us-east-1',
        },
      });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^error: AWS CredentialsProviderError \(sts:GetCallerIdentity\): no AWS credentials found/,
      );
      if (extra.length) expect(lines[0]).toContain('profile "auditor"');
    },
  );
});
