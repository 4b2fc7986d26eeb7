/**
 * The README's watch.yaml, exactly as printed, run against loopback fakes: only the addresses change (the queue and
 * S3 through --endpoint-url, the Slack URL and the database path to local ones). A bucket of the demo account made
 * public arrives as a Slack message about the new finding.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { watchCommand } from '../../src/watch/run-watch.ts';
import { emulatedAccount, hardenedAnswers, type EmulatedBucket } from '../aws/emulated-account.ts';
import { s3ObjectRoute, s3Xml, startFakeAwsServer } from '../aws/fake-aws-http.ts';
import { FakeSqsQueue } from '../aws/fake-sqs-http.ts';
import { tempDir } from '../detect/pipeline/support/cloudtrail-data.ts';
import { useExampleCredentials } from '../support/fake-aws-session.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const example = /<!-- watch.yaml example: begin -->\n```yaml\n([\s\S]*?)```\n<!-- watch.yaml example: end -->/.exec(
  readme,
)?.[1];

const ACCOUNT = '123456789012';
const closers: (() => Promise<void>)[] = [];
useExampleCredentials();

afterAll(async () => {
  for (const close of closers) await close();
});

it("runs the README's watch.yaml: a bucket made public reaches Slack as a new finding", async () => {
  expect(example).toBeDefined();
  const queueUrl = /queue: sqs:\/\/(\S+)/.exec(example!)![1]!;
  const slackUrl = /slack:(\S+)/.exec(example!)![1]!;

  const messages: { text: string }[] = [];
  const slack: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      messages.push(JSON.parse(body) as { text: string });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    slack.closeAllConnections();
    await new Promise((resolve) => slack.close(resolve));
  });

  const bucket: EmulatedBucket = {
    region: 'us-east-1',
    listRegion: true,
    answers: {
      ...hardenedAnswers('demo-public-assets', ACCOUNT, 'us-east-1'),
      policyStatus: () => s3Xml('<PolicyStatus><IsPublic>true</IsPublic></PolicyStatus>', 'PolicyStatus'),
      policy: () => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::demo-public-assets/*' },
          ],
        }),
      }),
    },
  };
  delete bucket.answers.publicAccessBlock;
  const key = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/11/02/${ACCOUNT}_CloudTrail_us-east-1_20261102T1000Z_a.json`;
  const trail = s3ObjectRoute('demo-trail', {
    [key]: JSON.stringify({
      Records: [
        {
          eventVersion: '1.08',
          eventTime: '2026-11-02T10:00:00Z',
          eventSource: 's3.amazonaws.com',
          eventName: 'PutBucketPolicy',
          awsRegion: 'us-east-1',
          sourceIPAddress: '203.0.113.7',
          eventID: 'readme-1',
          recipientAccountId: ACCOUNT,
          userIdentity: { type: 'IAMUser', userName: 'dev', arn: `arn:aws:iam::${ACCOUNT}:user/dev` },
          requestParameters: { bucketName: 'demo-public-assets' },
        },
      ],
    }),
  });
  const queue = new FakeSqsQueue(queueUrl, `arn:aws:sqs:us-east-1:${ACCOUNT}:cloudtrail-events`);
  queue.send(JSON.stringify({ s3Bucket: 'demo-trail', s3ObjectKey: [key] }));
  const account = emulatedAccount(ACCOUNT, { 'demo-public-assets': bucket });
  const aws = await startFakeAwsServer(
    (request) => queue.route(request) ?? (request.path.startsWith('/demo-trail') ? trail(request) : account(request)),
  );
  closers.push(aws.close);

  const dir = tempDir('cw-readme-watch-');
  const config = join(dir, 'watch.yaml');
  const slackLocal = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T000/B000/XXXX`;
  writeFileSync(
    config,
    example!.replace(slackUrl, slackLocal).replace('/var/lib/cloudwarden/cloudwarden.db', join(dir, 'cw.db')),
  );
  let stderr = '';
  const code = await watchCommand(
    { config, endpointUrl: aws.url, drain: true },
    {
      stdout: new PassThrough().resume(),
      stderr: { write: (c: string) => (stderr += c) },
      controller: new AbortController(),
      env: {},
    },
  );
  expect(stderr).toMatch(/rescan: s3:\/\/demo-public-assets after PutBucketPolicy: [1-9]\d* new/);
  expect(code).toBe(0);
  const texts = messages.map((m) => m.text);
  expect(texts).toContainEqual(expect.stringMatching(/^New finding: S3 bucket policy is not public: .*Principal "\*"/));
  // the routing holds: the event's own alert (S3 Bucket Policy Changed, NOTICE = low) is below high: not sent
  expect(stderr).toMatch(/store: 1 alerts/);
  expect(texts.filter((t) => t.startsWith('Detection alert: '))).toEqual([]);
  expect(queue.messages).toHaveLength(0);
});
