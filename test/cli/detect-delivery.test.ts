/**
 * `detect --source sqs://… --webhook URL` through the real SDK stack (signing, the SQS JSON protocol, MD5 checks,
 * S3 GetObject) against local HTTP fakes: a message is deleted only once the webhook took every alert it produced.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { detectCommand, type DetectOptions } from '../../src/cli/detect.ts';
import { detectAwsClients, type DetectAwsClients } from '../../src/detect/sources/aws-clients.ts';
import { s3ObjectRoute, startFakeAwsServer, type FakeRoute } from '../aws/fake-aws-http.ts';
import { FakeSqsQueue } from '../aws/fake-sqs-http.ts';
import { tempDir } from '../detect/pipeline/support/cloudtrail-data.ts';

const queueUrl = 'https://sqs.us-east-1.amazonaws.com/111122223333/trail-events';
const queueArn = 'arn:aws:sqs:us-east-1:111122223333:trail-events';
const bucket = 'trail-bucket';
const keyOf = (n: number) =>
  `AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31/111122223333_CloudTrail_us-east-1_20240731T13${n}0Z_x${n}.json`;
const stopLogging = (id: string) => ({
  eventVersion: '1.08',
  eventTime: '2024-07-31T13:06:24Z',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'StopLogging',
  awsRegion: 'us-east-1',
  eventID: id,
  recipientAccountId: '111122223333',
  userIdentity: { type: 'IAMUser', userName: 'christophe' },
});
const objects = {
  [keyOf(1)]: JSON.stringify({ Records: [stopLogging('e-1')] }),
  [keyOf(2)]: JSON.stringify({ Records: [stopLogging('e-2')] }),
};
const notification = (...keys: string[]) => JSON.stringify({ s3Bucket: bucket, s3ObjectKey: keys });

const rulesFile = join(tempDir(), 'rules.yaml');
writeFileSync(
  rulesFile,
  '- rule: Trail Stopped\n  desc: test\n  condition: ct.name="StopLogging"\n  output: trail stopped (id=%ct.id)\n  priority: WARNING\n  source: aws_cloudtrail\n',
);

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A queue holding one message per body. */
function queueOf(...bodies: string[]) {
  const queue = new FakeSqsQueue(queueUrl, queueArn);
  const ids = bodies.map((body) => queue.send(body));
  return { queue, ids };
}

/** SQS and S3 behind one local server; the SDK clients point at it. SQS actions are logged in `events`. */
async function fakeAws(queue: FakeSqsQueue, events: string[] = []) {
  const s3Route = s3ObjectRoute(bucket, objects);
  const route: FakeRoute = (request) => {
    const target = request.headers['x-amz-target'];
    if (target) events.push(target);
    return queue.route(request) ?? s3Route(request);
  };
  const server = await startFakeAwsServer(route);
  closers.push(server.close);
  const credentials = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  };
  // the CLI's own client factory, pointed at the fake as `--endpoint-url` would
  const aws = await detectAwsClients({
    homeRegion: 'us-east-1',
    endpointUrl: server.url,
    credentials: async () => credentials,
    maxAttempts: 1,
  });
  closers.push(async () => aws.destroy());
  return { aws, seen: server.seen };
}

interface Hook {
  origin: string;
  url: string;
  bodies: string[];
}

/** A webhook endpoint; `answer` decides each response (or leaves the request hanging). */
async function webhook(answer: (res: ServerResponse, index: number) => void): Promise<Hook> {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push(body);
      answer(res, bodies.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, url: `${origin}/hook`, bodies };
}

async function detect(options: DetectOptions, aws: DetectAwsClients) {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await detectCommand(
    {
      builtin: false,
      rules: [rulesFile],
      workers: '0',
      drain: true,
      format: 'json',
      source: [`sqs://${queueUrl}`],
      ...options,
    },
    {
      stdout: out,
      stderr: { write: (chunk: string) => (stderr += chunk) },
      aws,
      controller: new AbortController(),
      webhookBackoffMs: 1,
    },
  );
  return { code, stdout, stderr };
}

const alertIds = (bodies: string[]) => bodies.map((b) => (JSON.parse(b) as { eventID: string }).eventID);

describe('detect sqs:// --webhook: at-least-once delivery over the real SDK', () => {
  it('a 500 then a 2xx: the alert is retried, delivered, and only then its message deleted', async () => {
    const {
      queue,
      ids: [m1],
    } = queueOf(notification(keyOf(1)));
    const events: string[] = [];
    const { aws, seen } = await fakeAws(queue, events);
    const hook = await webhook((res, i) => {
      const status = i === 0 ? 500 : 200;
      events.push(`webhook ${status}`);
      res.writeHead(status).end();
    });
    const result = await detect({ webhook: hook.url }, aws);
    expect(alertIds(hook.bodies)).toEqual(['e-1', 'e-1']);
    expect(queue.deletions()).toEqual([`${m1}#1`]);
    expect(events.filter((e) => e !== 'AmazonSQS.ReceiveMessage')).toEqual([
      'webhook 500',
      'webhook 200',
      'AmazonSQS.DeleteMessage',
    ]);
    expect(seen.find((r) => r.method === 'GET')?.path).toBe(`/${bucket}/${keyOf(1)}`);
    expect(result.stderr).toContain('webhook: 1 delivered, 0 failed');
    expect(result.code).toBe(0);
  });

  it('a 500 forever: no message is deleted, the run says what was not delivered and exits 1; the redelivered messages go out once the endpoint is back', async () => {
    const {
      queue,
      ids: [m1, m2],
    } = queueOf(notification(keyOf(1)), notification(keyOf(2)));
    const { aws } = await fakeAws(queue);
    let up = false;
    const hook = await webhook((res) => res.writeHead(up ? 204 : 500).end());
    const failed = await detect({ webhook: hook.url }, aws);
    expect(queue.deletions()).toEqual([]);
    expect(queue.messages.map((m) => m.id)).toEqual([m1, m2]);
    expect(failed.stdout.split('\n').filter(Boolean)).toHaveLength(2); // stdout took them; the webhook did not
    const lines = failed.stderr.trimEnd().split('\n');
    expect(lines).toContain(
      `warning: sqs: message ${m1} (received 1 times): 1 alert not delivered to every output; left on the queue (its redrive policy decides what happens next)`,
    );
    expect(lines).toContain(
      `warning: sqs: message ${m2} (received 1 times): 1 alert not delivered to every output; left on the queue (its redrive policy decides what happens next)`,
    );
    expect(lines.at(-2)).toMatch(/; webhook: 0 delivered, 2 failed$/);
    expect(lines.at(-1)).toBe(`webhook: 2 alerts not delivered (HTTP 500 from ${hook.origin}/hook)`);
    expect(failed.code).toBe(1);

    // the visibility timeout the receive asked for (60 s) passes: SQS hands the same messages out again, and now
    // they are delivered
    queue.advance(60);
    up = true;
    hook.bodies.length = 0;
    const retried = await detect({ webhook: hook.url }, aws);
    expect(alertIds(hook.bodies).sort()).toEqual(['e-1', 'e-2']);
    expect(queue.deletions()).toEqual([`${m1}#2`, `${m2}#2`]);
    expect(queue.messages).toEqual([]);
    expect(retried.code).toBe(0);
  });

  it('a hanging endpoint: --webhook-timeout ends each request, the message stays, the run ends', async () => {
    const { queue } = queueOf(notification(keyOf(1), keyOf(2)));
    const { aws } = await fakeAws(queue);
    const hook = await webhook(() => undefined);
    const result = await detect({ webhook: hook.url, webhookTimeout: '0.05' }, aws);
    expect(queue.deletions()).toEqual([]);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
      `webhook: 2 alerts not delivered (no answer within 0.05 s from ${hook.origin}/hook)`,
    );
    expect(result.code).toBe(1);
  });

  it('a redirect to another origin: the alert body never reaches it, the message stays', async () => {
    const { queue } = queueOf(notification(keyOf(1)));
    const { aws } = await fakeAws(queue);
    const elsewhere = await webhook((res) => res.writeHead(200).end());
    const hook = await webhook((res) => res.writeHead(302, { location: `${elsewhere.origin}/collect` }).end());
    const result = await detect({ webhook: hook.url }, aws);
    expect(elsewhere.bodies).toEqual([]);
    expect(queue.deletions()).toEqual([]);
    expect(result.stderr).toContain(
      `webhook: 1 alert not delivered (HTTP 302 redirect to another origin (${elsewhere.origin}/collect), not followed from ${hook.origin}/hook)`,
    );
    expect(result.code).toBe(1);
  });

  it('never prints the credentials or tokens of a webhook URL', async () => {
    const { queue } = queueOf(notification(keyOf(1)));
    const { aws } = await fakeAws(queue);
    const hook = await webhook((res) => res.writeHead(503).end());
    const secretUrl = `${hook.origin.replace('http://', 'http://alice:s3cr3t@')}/services/T0001/B0002/XXXXSECRETXXXX?token=t0k3n`;
    const result = await detect({ webhook: secretUrl }, aws);
    expect(hook.bodies).not.toEqual([]);
    expect(result.stderr).toContain(`(HTTP 503 from ${hook.origin.replace('http://', 'http://***@')}/services/…?…)`);
    for (const secret of ['alice', 's3cr3t', 'SECRET', 't0k3n', 'B0002']) expect(result.stderr).not.toContain(secret);
    expect(result.code).toBe(1);
  });

  it('s3:// --checkpoint: the checkpoint does not move past an object whose alert was not delivered', async () => {
    const { aws } = await fakeAws(queueOf().queue);
    let up = false;
    const hook = await webhook((res, i) => {
      const id = (JSON.parse(hook.bodies[i]!) as { eventID: string }).eventID;
      res.writeHead(up || id === 'e-1' ? 200 : 500).end();
    });
    const checkpoint = join(tempDir(), 'trail.checkpoint.json');
    const options = { source: [`s3://${bucket}/AWSLogs/`], checkpoint, webhook: hook.url };
    const first = await detect(options, aws);
    expect(first.stderr.trimEnd().split('\n').at(-1)).toBe(
      `webhook: 1 alert not delivered (HTTP 500 from ${hook.origin}/hook)`,
    );
    expect(first.code).toBe(1);

    up = true;
    hook.bodies.length = 0;
    const second = await detect(options, aws);
    // the object with the delivered alert is not read again; the one with the failed alert is
    expect(alertIds(hook.bodies)).toEqual(['e-2']);
    expect(second.code).toBe(0);
  });

  it('--webhook-timeout is checked, and needs --webhook', async () => {
    const { queue } = queueOf();
    const { aws } = await fakeAws(queue);
    await expect(detect({ webhook: 'https://hooks.example.com/x', webhookTimeout: 'soon' }, aws)).rejects.toThrow(
      '"soon" is not a number of seconds',
    );
    await expect(detect({ webhookTimeout: '5' }, aws)).rejects.toThrow('--webhook-timeout needs --webhook');
  });
});
