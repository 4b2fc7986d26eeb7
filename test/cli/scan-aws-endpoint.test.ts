import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import { BUCKET_OPERATION_NAMES } from '../../src/services/s3/schema.ts';
import {
  aclXml,
  emulatedAccount,
  hardenedAnswers,
  secureTransportPolicy,
  type EmulatedBucket,
} from '../aws/emulated-account.ts';
import { s3Xml, s3XmlError, startFakeAwsServer } from '../aws/fake-aws-http.ts';
import { runCli } from '../support/run-cli.ts';
import { exampleCredentialsEnv } from '../support/fake-aws-session.ts';

/**
 * End to end over real HTTP: the CLI in a child process, `--endpoint-url` pointing at a loopback server that
 * answers STS, S3 Control and S3 with the XML bodies of the AWS API references. (No npm S3 emulator fits:
 * s3rver 3.7 answers NotImplemented to most bucket-configuration reads and has no STS or S3 Control.)
 */

const ACCOUNT = '210987654321';
const securePolicy = secureTransportPolicy('site-assets');

function emulatedBuckets(): Record<string, EmulatedBucket> {
  let loggingCalls = 0;
  return {
    'site-assets': {
      region: 'us-east-1',
      listRegion: true,
      answers: hardenedAnswers('site-assets', ACCOUNT, 'us-east-1'),
    },
    'legacy-dump': {
      region: 'eu-west-1',
      listRegion: false,
      answers: {
        location: () => s3Xml('<LocationConstraint>EU</LocationConstraint>', 'LocationConstraint'),
        acl: () =>
          aclXml(
            '<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>',
          ),
        versioning: () => s3Xml('<VersioningConfiguration></VersioningConfiguration>', 'VersioningConfiguration'),
        // throttled once: the SDK retries, the snapshot holds the answer
        logging: () =>
          ++loggingCalls === 1
            ? s3XmlError(503, 'SlowDown', 'Please reduce your request rate.')
            : s3Xml('<BucketLoggingStatus></BucketLoggingStatus>', 'BucketLoggingStatus'),
        notification: () =>
          s3Xml('<NotificationConfiguration></NotificationConfiguration>', 'NotificationConfiguration'),
      },
    },
    'hidden-reports': {
      region: 'ap-southeast-2',
      listRegion: false,
      answers: {
        location: () => s3XmlError(403, 'AccessDenied', 'Access Denied'),
        acl: () => aclXml(),
        versioning: () =>
          s3Xml(
            '<VersioningConfiguration><Status>Suspended</Status></VersioningConfiguration>',
            'VersioningConfiguration',
          ),
        logging: () => s3XmlError(403, 'AccessDenied', 'Access Denied'),
        notification: () =>
          s3Xml('<NotificationConfiguration></NotificationConfiguration>', 'NotificationConfiguration'),
      },
    },
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-endpoint-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('scan aws --endpoint-url (real HTTP, real SDK)', () => {
  it('collects every bucket in its own region through the endpoint and reports on it', async () => {
    const server = await startFakeAwsServer(emulatedAccount(ACCOUNT, emulatedBuckets()));
    const out = path.join(dir, 'endpoint.json');
    try {
      const result = await runCli(
        ['scan', 'aws', '--service', 's3', '--endpoint-url', server.url, '--format', 'json', '--snapshot-out', out],
        {
          env: exampleCredentialsEnv(dir),
        },
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);

      const snapshot = validateSnapshot(JSON.parse(await readFile(out, 'utf8')));
      expect(snapshot.accountId).toBe(ACCOUNT);
      expect(snapshot.s3!.GetPublicAccessBlock).toEqual({
        error: {
          name: 'NoSuchPublicAccessBlockConfiguration',
          message: 'The public access block configuration was not found',
        },
      });
      const { 'site-assets': site, 'legacy-dump': legacy, 'hidden-reports': hidden } = snapshot.s3!.buckets;
      expect(site!.Region).toBe('us-east-1');
      expect(site!.CreationDate).toBe('2023-05-06T07:08:09.000Z');
      expect(site!.GetBucketPolicy).toEqual({ Policy: securePolicy });
      expect(site!.GetBucketVersioning).toEqual({ Status: 'Enabled', MFADelete: 'Disabled' });
      expect(site!.GetBucketLogging).toEqual({
        LoggingEnabled: { TargetBucket: 'central-logs', TargetPrefix: 'site-assets/' },
      });
      expect(site!.GetBucketLifecycleConfiguration).toEqual({
        Rules: [
          {
            ID: 'expire-tmp',
            Filter: { Prefix: 'tmp/' },
            Status: 'Enabled',
            Expiration: { Date: '2030-01-01T00:00:00.000Z' },
          },
        ],
      });
      expect(site!.GetBucketTagging).toEqual({ TagSet: [{ Key: 'env', Value: 'prod' }] });
      expect(site!.GetBucketWebsite).toEqual({
        error: {
          name: 'NoSuchWebsiteConfiguration',
          message: 'The specified bucket does not have a website configuration',
        },
      });

      expect(legacy!.Region).toBe('eu-west-1');
      expect(legacy!.GetBucketAcl).toMatchObject({
        Grants: [
          { Permission: 'FULL_CONTROL' },
          { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
        ],
      });
      expect(legacy!.GetBucketVersioning).toEqual({});
      expect(legacy!.GetBucketLogging).toEqual({});
      expect(legacy!.GetBucketPolicy).toEqual({
        error: { name: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist' },
      });

      // GetBucketLocation was denied: S3's redirect named the region, and the calls were asked again there
      expect(hidden!.Region).toBe('ap-southeast-2');
      expect(hidden!.GetBucketVersioning).toEqual({ Status: 'Suspended' });
      expect(hidden!.GetBucketLogging).toEqual({ error: { name: 'AccessDenied', message: 'Access Denied' } });
      for (const op of BUCKET_OPERATION_NAMES)
        expect(hidden![op], op).not.toMatchObject({ error: { name: 'PermanentRedirect' } });

      const report = JSON.parse(result.stdout) as {
        accountId: string;
        results: { checkId: string; status: string; resource: { arn: string }; reason?: string }[];
      };
      expect(report.accountId).toBe(ACCOUNT);
      const status = (checkId: string, bucket: string) =>
        report.results.find((r) => r.checkId === checkId && r.resource.arn === `arn:aws:s3:::${bucket}`);
      expect(status('s3-bucket-versioning-enabled', 'site-assets')?.status).toBe('pass');
      expect(status('s3-bucket-versioning-enabled', 'legacy-dump')?.status).toBe('fail');
      expect(status('s3-bucket-logging-enabled', 'hidden-reports')).toMatchObject({ status: 'unknown' });
      expect(status('s3-bucket-logging-enabled', 'hidden-reports')?.reason).toContain('AccessDenied');

      // every call went to the endpoint, S3 path-style, S3 Control without the account-id host prefix
      expect(server.seen.every((r) => r.host === new URL(server.url).host)).toBe(true);
      expect(server.seen.filter((r) => r.path === '/v20180820/configuration/publicAccessBlock')).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('on Ctrl-C stops, writes what it collected marked partial, and exits 130', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `bucket-${String(i).padStart(2, '0')}`,
        { region: 'us-east-1', listRegion: true, answers: {} },
      ]),
    );
    const server = await startFakeAwsServer(emulatedAccount(ACCOUNT, many), { delayMs: 100 });
    const out = path.join(dir, 'partial.json');
    try {
      const child = spawn(
        process.execPath,
        [
          fileURLToPath(new URL('../../bin/cloudwarden.js', import.meta.url)),
          'scan',
          'aws',
          '--service',
          's3',
          '--endpoint-url',
          server.url,
          '--snapshot-out',
          out,
          '--concurrency',
          '4',
        ],
        { env: { ...process.env, ...exampleCredentialsEnv(dir), NO_COLOR: '1' } },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // interrupt once bucket calls are under way
      while (server.seen.filter((r) => r.path.startsWith('/bucket-')).length < 20)
        await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGINT');
      const code = await exited;
      expect(stderr).toMatch(
        /interrupted: \d+ of 30 buckets fully collected; what was collected is in .*partial\.json \(marked partial\)/,
      );
      expect(code).toBe(130);
      const snapshot = validateSnapshot(JSON.parse(await readFile(out, 'utf8')));
      expect(snapshot.partial).toBe(true);
      expect(Object.keys(snapshot.s3!.buckets)).toHaveLength(30);
      const collected = Object.values(snapshot.s3!.buckets).reduce(
        (n, b) => n + BUCKET_OPERATION_NAMES.filter((op) => b[op] !== undefined).length,
        0,
      );
      expect(collected).toBeGreaterThan(0);
      expect(collected).toBeLessThan(30 * BUCKET_OPERATION_NAMES.length);
    } finally {
      await server.close();
    }
  });
});
