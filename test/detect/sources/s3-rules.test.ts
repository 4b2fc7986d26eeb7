import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3XmlError, startFakeAwsServer } from '../../aws/fake-aws-http.ts';
import { exampleCredentialsEnv } from '../../support/fake-aws-session.ts';
import { runCli, type CliRun } from '../../support/run-cli.ts';

const SIGMA = fileURLToPath(new URL('../../fixtures/detect/sigma/', import.meta.url));
// s3rver's fixed credentials
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** seed 001's watched bucket events, as a Falco rule of the Cloud Connector kind, and a Sigma rule beside it */
const falcoRule = `- list: watched_bucket_events
  items: [CreateBucket, DeleteBucket]
- rule: Operation on buckets
  desc: Detect an operation on buckets.
  condition: jevt.value[/eventName] in (watched_bucket_events)
  output: Detected an operation on buckets (bucket name=%jevt.value[/requestParameters/bucketName])
  priority: WARNING
  source: aws_cloudtrail
`;

const deleteBucket = {
  eventVersion: '1.09',
  userIdentity: {
    type: 'IAMUser',
    principalId: 'AIDAEXAMPLEUSERID1234',
    arn: 'arn:aws:iam::111122223333:user/mallory',
    accountId: '111122223333',
    userName: 'mallory',
  },
  eventTime: '2024-07-25T10:00:00Z',
  eventSource: 's3.amazonaws.com',
  eventName: 'DeleteBucket',
  awsRegion: 'us-east-1',
  sourceIPAddress: '198.51.100.7',
  userAgent: '[aws-cli/2.15.0]',
  requestParameters: { bucketName: 'old-exports', Host: 's3.amazonaws.com' },
  responseElements: null,
  requestID: 'b7a1c9f0-6f3e-4a55-9d8e-0c2b4e6f8a10',
  eventID: '7c1f0a44-5e2b-4d3c-8b9a-0f1e2d3c4b5a',
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
};

let server: S3rver;
let dir: string;
let endpoint: string;
let s3: S3Client;
let logFile: string;
let env: Record<string, string>;
let fromBucket: CliRun;
let noBucket: CliRun;
let empty: CliRun;
let denied: CliRun;
let badRule: CliRun;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-s3-rules-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: path.join(dir, 's3'),
    silent: true,
    configureBuckets: [{ name: 'cc-rules' }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
  const put = (key: string, body: string) =>
    s3.send(new PutObjectCommand({ Bucket: 'cc-rules', Key: key, Body: body }));
  await put('rules/operation-on-buckets.yaml', falcoRule);
  await put('rules/sigma/bucket-deleted.yml', await readFile(path.join(SIGMA, 'rules/bucket-deleted.yml'), 'utf8'));
  // not under the folder rules/, and not rule files: left alone
  await put('rules-old/broken.yaml', '- rule: [');
  await put('rules/README.md', '# rules synced from the repository');
  await put(
    'broken/bad.yml',
    'title: Bad\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel:\n    eventName: DeleteBucket\n  condition: sel and not filter\n',
  );
  logFile = path.join(dir, 'trail.json');
  await writeFile(logFile, JSON.stringify({ Records: [deleteBucket] }));

  const denying = await startFakeAwsServer(() => s3XmlError(403, 'AccessDenied', 'Access Denied'));
  env = {
    ...exampleCredentialsEnv(dir),
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  };
  const detect = (rules: string, url = endpoint) =>
    runCli(
      ['detect', '--no-builtin', '--rules', rules, '--source', logFile, '--endpoint-url', url, '--format', 'json'],
      env,
    );
  try {
    [fromBucket, noBucket, empty, denied, badRule] = await Promise.all([
      detect('s3://cc-rules/rules'),
      detect('s3://no-such-rules-bucket/rules/'),
      detect('s3://cc-rules/nothing-here/'),
      detect('s3://cc-rules/rules/', denying.url),
      detect('s3://cc-rules/broken/'),
    ]);
  } finally {
    await denying.close();
  }
}, 180_000);

afterAll(async () => {
  s3?.destroy();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('detect --rules s3://bucket/prefix (against s3rver)', () => {
  it('reads the Falco and Sigma rule files under the folder and runs them side by side', () => {
    expect(fromBucket.code, fromBucket.stderr).toBe(0);
    const alerts = fromBucket.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { rule: string; priority: string; output: string });
    expect(alerts.map((a) => [a.rule, a.priority])).toEqual([
      ['Operation on buckets', 'Warning'],
      ['S3 Bucket Deleted', 'Notice'],
    ]);
    expect(alerts[0]?.output).toMatch(/: Warning Detected an operation on buckets \(bucket name=old-exports\)$/);
    expect(fromBucket.stderr).toMatch(/2 alerts.*; 2 rules/);
  });

  it('NoSuchBucket is one line naming the call, exit 2', () => {
    expect(noBucket.code).toBe(2);
    expect(noBucket.stdout).toBe('');
    expect(noBucket.stderr.trim().split('\n')).toHaveLength(1);
    expect(noBucket.stderr).toMatch(
      /^error: AWS NoSuchBucket \(ListObjectsV2 s3:\/\/no-such-rules-bucket\/rules\/\): The specified bucket does not exist/,
    );
  });

  it('AccessDenied is one line naming the call, exit 2', () => {
    expect(denied.code).toBe(2);
    expect(denied.stdout).toBe('');
    expect(denied.stderr).toBe('error: AWS AccessDenied (ListObjectsV2 s3://cc-rules/rules/): Access Denied\n');
  });

  it('a prefix without rule files is a usage error, as an empty directory is', () => {
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('s3://cc-rules/nothing-here/: no .yaml or .yml rules files under this S3 prefix');
  });

  it('a rule error names the object: s3://bucket/key:line:col', () => {
    expect(badRule.code).toBe(2);
    expect(badRule.stderr).toBe(
      'error: s3://cc-rules/broken/bad.yml:6:26: Sigma rule "Bad": condition names "filter", which is not a search identifier of this rule\n',
    );
  });
});
