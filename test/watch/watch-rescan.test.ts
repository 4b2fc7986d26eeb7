/**
 * The headline loop end to end, through the real SDK stack against loopback fakes (SQS, S3 for the trail and the
 * watched account, a webhook): a PutBucketPolicy event arrives on the queue -> the bucket is collected again ->
 * its checks are re-evaluated into the store -> the finding that opened reaches the webhook; a later event that
 * fixes it sends the resolution. The message is deleted only after that.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { watchCommand } from '../../src/watch/run-watch.ts';
import { emulatedAccount, hardenedAnswers, type EmulatedBucket } from '../aws/emulated-account.ts';
import { s3ObjectRoute, startFakeAwsServer } from '../aws/fake-aws-http.ts';
import { FakeSqsQueue } from '../aws/fake-sqs-http.ts';
import { startFakeWebhook, type FakeWebhook } from '../aws/fake-webhook-http.ts';
import { tempDir } from '../detect/pipeline/support/cloudtrail-data.ts';
import { useExampleCredentials } from '../support/fake-aws-session.ts';

const ACCOUNT = '111122223333';
const queueUrl = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/trail-events`;
const trailBucket = 'trail-bucket';
const watched = 'customer-data';
const trailObjects: Record<string, string> = {};

const publicPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${watched}/*` },
  ],
});

function event(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    eventVersion: '1.08',
    eventTime: '2026-11-02T10:00:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: name,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    eventID: id,
    recipientAccountId: ACCOUNT,
    userIdentity: { type: 'IAMUser', userName: 'mallory', arn: `arn:aws:iam::${ACCOUNT}:user/mallory` },
    requestParameters: { bucketName: watched, ...extra },
  };
}

let n = 0;
/** Puts a log file holding `records` in the trail bucket and announces it on the queue (CloudTrail's SNS shape). */
function deliver(queue: FakeSqsQueue, records: unknown[]): void {
  const key = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/11/02/${ACCOUNT}_CloudTrail_us-east-1_20261102T1000Z_${++n}.json`;
  trailObjects[key] = JSON.stringify({ Records: records });
  queue.send(JSON.stringify({ s3Bucket: trailBucket, s3ObjectKey: [key] }));
}

const bucket: EmulatedBucket = {
  region: 'us-east-1',
  listRegion: true,
  answers: hardenedAnswers(watched, ACCOUNT, 'us-east-1'),
};
const hardened = { ...bucket.answers };
/** the emulated account's buckets: a test deletes one */
const buckets: Record<string, EmulatedBucket> = { [watched]: bucket };

let aws: Awaited<ReturnType<typeof startFakeAwsServer>>;
let hook: FakeWebhook;
const queue = new FakeSqsQueue(queueUrl, `arn:aws:sqs:us-east-1:${ACCOUNT}:trail-events`);

useExampleCredentials();

beforeAll(async () => {
  const trail = s3ObjectRoute(trailBucket, trailObjects);
  const account = emulatedAccount(ACCOUNT, buckets);
  aws = await startFakeAwsServer(
    (request) =>
      queue.route(request) ?? (request.path.startsWith(`/${trailBucket}`) ? trail(request) : account(request)),
  );
  hook = await startFakeWebhook();
});
afterAll(async () => {
  await aws.close();
  await hook.close();
});

async function watch(db: string) {
  let stderr = '';
  let stdout = '';
  const out = new PassThrough();
  out.on('data', (c: Buffer) => (stdout += c.toString()));
  const code = await watchCommand(
    {
      queue: `sqs://${queueUrl}`,
      endpointUrl: aws.url,
      region: 'us-east-1',
      webhook: hook.url,
      db,
      drain: true,
    },
    {
      stdout: out,
      stderr: { write: (c: string) => (stderr += c) },
      controller: new AbortController(),
      env: {},
    },
  );
  return { code, stdout, stderr };
}

const policyFindings = (kind: string) =>
  hook.bodies.filter((b) => b.kind === kind && b.body.checkId === 's3-bucket-policy-not-public');

describe('watch: change-triggered rescans', () => {
  const db = `sqlite:${join(tempDir('cw-watch-'), 'store.db')}`;

  it('PutBucketPolicy -> bucket re-collected -> finding new -> webhook got it; the message deleted after', async () => {
    bucket.answers.policy = () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: publicPolicy,
    });
    bucket.answers.policyStatus = () => ({
      status: 200,
      headers: { 'content-type': 'application/xml' },
      body: '<?xml version="1.0" encoding="UTF-8"?>\n<PolicyStatus xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><IsPublic>true</IsPublic></PolicyStatus>',
    });
    delete bucket.answers.publicAccessBlock;
    // two changes of the same bucket in one file: one rescan
    deliver(queue, [
      event('e-1', 'PutBucketPolicy', { bucketPolicy: JSON.parse(publicPolicy) as unknown }),
      event('e-2', 'DeleteBucketPublicAccessBlock'),
    ]);
    const run = await watch(db);
    expect(run.stderr).toMatch(/rescan: s3:\/\/customer-data after PutBucketPolicy: \d+ new, 0 resolved/);
    expect(run.stderr).toMatch(/rescans: 1 done, 0 failed, 1 coalesced/);
    expect(run.code).toBe(0);
    const [opened] = policyFindings('finding-new');
    expect(opened?.body).toMatchObject({
      kind: 'finding-new',
      checkId: 's3-bucket-policy-not-public',
      status: 'fail',
      accountId: ACCOUNT,
      resource: { arn: `arn:aws:s3:::${watched}` },
    });
    // the detection alert of the same event went out too (the built-in public-policy rule)
    expect(hook.bodies.some((b) => b.kind === 'alert' && (b.body as { eventID?: string }).eventID === 'e-1')).toBe(
      true,
    );
    expect(queue.messages).toHaveLength(0);

    const store = await openStore({ engine: 'sqlite', path: db.slice('sqlite:'.length) });
    const finding = await store.db
      .selectFrom('findings')
      .selectAll()
      .where('check_id', '=', 's3-bucket-policy-not-public')
      .executeTakeFirstOrThrow();
    const scans = await store.db.selectFrom('scans').select(['source']).execute();
    const alerts = await store.db.selectFrom('alerts').select(['event_id']).execute();
    await store.db.destroy();
    expect(finding).toMatchObject({ state: 'open', verdict: 'fail', resource_arn: `arn:aws:s3:::${watched}` });
    expect(scans.map((s) => s.source)).toEqual(['watch rescan']);
    expect(alerts.map((a) => a.event_id)).toContain('e-1');
  });

  it('a later fix is a resolution notice, and only that bucket is concluded about', async () => {
    Object.assign(bucket.answers, hardened);
    deliver(queue, [event('e-3', 'DeleteBucketPolicy')]);
    bucket.answers.policy = hardened.policy;
    const run = await watch(db);
    expect(run.code).toBe(0);
    expect(policyFindings('finding-resolved')).toHaveLength(1);
    expect(policyFindings('finding-new')).toHaveLength(1);
    expect(queue.messages).toHaveLength(0);
  });

  it('DeleteBucket: the rescan finds the bucket gone and resolves its open findings as deleted', async () => {
    // open a finding again, then delete the bucket
    delete bucket.answers.publicAccessBlock;
    deliver(queue, [event('e-4', 'DeleteBucketPublicAccessBlock')]);
    expect((await watch(db)).code).toBe(0);
    const store = await openStore({ engine: 'sqlite', path: db.slice('sqlite:'.length) });
    const open = await store.db
      .selectFrom('findings')
      .select('fingerprint')
      .where('resource_arn', '=', `arn:aws:s3:::${watched}`)
      .where('state', '=', 'open')
      .execute();
    expect(open.length).toBeGreaterThan(0);
    delete buckets[watched];
    deliver(queue, [event('e-5', 'DeleteBucket')]);
    const run = await watch(db);
    expect(run.stderr).toMatch(
      /rescan: s3:\/\/customer-data after DeleteBucket: gone, \d+ findings resolved as deleted/,
    );
    expect(run.code).toBe(0);
    const after = await store.db
      .selectFrom('findings')
      .select(['state', 'verdict'])
      .where(
        'fingerprint',
        'in',
        open.map((f) => f.fingerprint),
      )
      .execute();
    await store.db.destroy();
    expect(after.every((f) => f.state === 'resolved' && f.verdict === 'deleted')).toBe(true);
    expect(queue.messages).toHaveLength(0);
  });
});
