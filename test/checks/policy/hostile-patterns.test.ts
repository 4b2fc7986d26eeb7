/**
 * Bucket policies are attacker-controlled (a snapshot anyone can write, a PutBucketPolicy event in a trail). Their
 * wildcards were matched with backtracking regular expressions: `s3:*?*?…z` with ~13 pairs hung `scan snapshot` for
 * minutes and `detect` on one event for 50 s+. These tests run the real CLI in a child process, which runCli kills
 * after 60 s: the old code exceeds that by orders of magnitude (each `*?` pair multiplied its time by ~3.5, and these
 * patterns have hundreds), the new one needs a few seconds, mostly Node starting.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseBucketPolicy, isPolicyPublic } from '../../../src/checks/policy/index.ts';
import { runCli } from '../../support/run-cli.ts';
import { hardenedBucket, snapshotWith } from '../../support/snapshot-builders.ts';

const CHILD = { timeout: 120_000 };
const dir = mkdtempSync(join(tmpdir(), 'cloudwarden-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `prefix` then `*?` pairs up to about `length` characters, then a character nothing ends with. */
const hostile = (prefix: string, length: number) =>
  `${prefix}${'*?'.repeat(Math.floor((length - prefix.length - 1) / 2))}~`;

/** Every element that holds a wildcard carries a 3 KB hostile one; the whole policy stays under AWS's 20 KB. */
function hostilePolicy(bucket: string) {
  const arn = `arn:aws:s3:::${bucket}`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'HostileAction',
        Effect: 'Allow',
        Principal: '*',
        Action: [hostile('s3:', 3000), 's3:GetObject'],
        Resource: [hostile(`${arn}/`, 3000), `${arn}/*`],
      },
      {
        Sid: 'HostileNotAction',
        Effect: 'Allow',
        Principal: { AWS: hostile('arn:aws:iam::', 3000) },
        NotAction: hostile('s3:', 1000),
        Resource: `${arn}/*`,
        Condition: {
          StringLike: { 'aws:PrincipalArn': hostile('arn:aws:iam::', 1000) },
          ArnLike: { 'aws:SourceArn': hostile('arn:aws:', 1000) },
        },
      },
      {
        Sid: 'HostileDeny',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [hostile(arn, 2000), `${arn}/*`],
        Condition: {
          Bool: { 'aws:SecureTransport': 'false' },
          StringNotLike: { 'aws:SourceVpce': hostile('vpce-', 1000) },
        },
      },
    ],
  };
}

interface JsonResult {
  checkId: string;
  status: string;
  message: string;
  resource: { arn: string };
}

describe('hostile wildcards in bucket policies are decided at once', () => {
  it('the policy analysis: both Allow statements are public, within AWS limits', () => {
    const policy = hostilePolicy('b');
    expect(JSON.stringify(policy).length).toBeLessThan(20 * 1024);
    const analysis = analyseBucketPolicy(policy, { accountId: '123456789012' });
    expect(analysis.problems).toEqual([]);
    // a wildcard in a principal ARN counts as anyone, and a StringLike with a wildcard fixes no one
    expect(analysis.publicStatements).toEqual(['HostileAction', 'HostileNotAction']);
    expect(analysis.statements.find((s) => s.statement === 'HostileAction')?.actions).toEqual(['s3:GetObject']);
    // NotAction with a pattern that matches no S3 action: every S3 action
    expect(analysis.publicWriteStatements).toEqual(['HostileNotAction']);
  });

  it(
    'scan snapshot: a 10 KB Action and the 3 KB patterns in Action, NotAction, Resource, Principal and Condition',
    async () => {
      const tenKb = {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'TenKb',
            Effect: 'Allow',
            Principal: '*',
            Action: hostile('s3:', 10_240),
            Resource: 'arn:aws:s3:::ten/*',
          },
        ],
      };
      const snapshot = snapshotWith({
        b: hardenedBucket('b', {
          GetBucketPolicy: { Policy: JSON.stringify(hostilePolicy('b')) },
          GetBucketPolicyStatus: { PolicyStatus: { IsPublic: true } },
        }),
        ten: hardenedBucket('ten', { GetBucketPolicy: { Policy: JSON.stringify(tenKb) } }),
      });
      const file = join(dir, 'snapshot.json');
      writeFileSync(file, JSON.stringify(snapshot));
      const run = await runCli([
        'scan',
        'snapshot',
        file,
        '--format',
        'json',
        '-q',
        '--check',
        's3-bucket-policy-not-public',
        '--check',
        's3-bucket-policy-public-write',
        '--check',
        's3-bucket-deny-insecure-transport',
        '--check',
        's3-bucket-policy-cross-account',
      ]);
      expect(run.stderr).toBe('');
      const results = (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
      const of = (bucket: string, check: string) =>
        results.find((r) => r.resource.arn === `arn:aws:s3:::${bucket}` && r.checkId === check);
      expect(of('b', 's3-bucket-policy-not-public')?.status).toBe('fail');
      expect(of('b', 's3-bucket-policy-public-write')).toMatchObject({
        status: 'fail',
        message: expect.stringContaining('HostileNotAction'),
      });
      // the Deny also requires a VPC endpoint other than the hostile one: it does not refuse every plain-HTTP request
      expect(of('b', 's3-bucket-deny-insecure-transport')?.status).toBe('fail');
      // a 10 KB action pattern that matches no S3 action grants nothing
      expect(of('ten', 's3-bucket-policy-not-public')?.status).toBe('pass');
    },
    CHILD.timeout,
  );

  it(
    'detect: a PutBucketPolicy event carrying the hostile policy raises the built-in alert',
    async () => {
      const event = JSON.parse(
        readFileSync(new URL('../../fixtures/cloudtrail/rules/put-bucket-policy-public.json', import.meta.url), 'utf8'),
      ) as {
        requestParameters: { bucketName: string; bucketPolicy: unknown };
      };
      event.requestParameters.bucketPolicy = hostilePolicy(event.requestParameters.bucketName);
      const file = join(dir, 'trail.json');
      writeFileSync(file, JSON.stringify({ Records: [event] }));
      const run = await runCli(['detect', '--source', file, '--format', 'json', '--workers', '0']);
      const alerts = run.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { rule: string });
      expect(alerts.map((a) => a.rule)).toContain('S3 Bucket Policy Made Public');
    },
    CHILD.timeout,
  );
});

describe('a bucket policy larger than AWS accepts (20 KB) is not analysed', () => {
  const oversized = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Private',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:root' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b/*',
      },
      {
        Sid: 'Filler',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: 'arn:aws:s3:::b/*',
        Condition: { StringNotLike: { 'aws:SourceVpce': hostile('vpce-', 25_000) } },
      },
    ],
  };

  it('the analysis says why, and no verdict of "not public" is drawn from it', () => {
    const analysis = analyseBucketPolicy(oversized);
    expect(analysis.problems).toEqual([
      'the policy has more than 20480 characters without white space, the most AWS accepts for a bucket policy: AWS would refuse it, so it was not analysed',
    ]);
    expect(analysis.statements).toEqual([]);
    expect(isPolicyPublic(oversized)).toBeUndefined();
    expect(isPolicyPublic(JSON.stringify(oversized, null, 2))).toBeUndefined();
  });

  it('a policy of exactly the limit, padded with white space beyond it, is analysed', () => {
    const statement = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
    const base = JSON.stringify({ Version: '2012-10-17', Statement: [{ ...statement, Sid: '' }] }).length;
    const atLimit = { Version: '2012-10-17', Statement: [{ ...statement, Sid: 'x'.repeat(20 * 1024 - base) }] };
    expect(JSON.stringify(atLimit).length).toBe(20 * 1024);
    expect(isPolicyPublic(JSON.stringify(atLimit, null, 4))).toBe(true);
    const overLimit = { ...atLimit, Statement: [{ ...statement, Sid: 'x'.repeat(20 * 1024 - base + 1) }] };
    expect(isPolicyPublic(overLimit)).toBeUndefined();
  });
});
