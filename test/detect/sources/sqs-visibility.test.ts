/**
 * The SQS source keeps what it works on invisible, hands back what it has not started when stopped, and backs off
 * when ReceiveMessage is throttled: the real SDK against the loopback SQS and S3 fakes. The tests wait for calls the
 * fake sees, never for time.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DetectionUnit } from '../../../src/detect/pipeline/run-detection.ts';
import { detectAwsClients, type DetectAwsClients } from '../../../src/detect/sources/aws-clients.ts';
import { sqsUnits } from '../../../src/detect/sources/sqs-queue.ts';
import { s3ObjectRoute, startFakeAwsServer } from '../../aws/fake-aws-http.ts';
import { FakeSqsQueue } from '../../aws/fake-sqs-http.ts';

const ACCOUNT = '111122223333';
const bucket = 'vis-trail';
const objects: Record<string, string> = {};
let queue: FakeSqsQueue;
let aws: Awaited<ReturnType<typeof startFakeAwsServer>>;
let clients: DetectAwsClients;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const trail = s3ObjectRoute(bucket, objects);
  aws = await startFakeAwsServer((request) => queue.route(request) ?? trail(request));
  // one attempt per call: the throttling case sees the source's own backoff, not the SDK's retries
  clients = await detectAwsClients({ endpointUrl: aws.url, homeRegion: 'us-east-1', maxAttempts: 1 });
});
afterAll(async () => {
  clients.destroy();
  await aws.close();
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
});

let n = 0;
function fresh(messages: number): string[] {
  queue = new FakeSqsQueue(
    `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/vis-${++n}`,
    `arn:aws:sqs:us-east-1:${ACCOUNT}:vis-${n}`,
  );
  const ids: string[] = [];
  for (let i = 0; i < messages; i++) {
    const key = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/11/02/${ACCOUNT}_CloudTrail_us-east-1_20261102T1000Z_v${n}-${i}.json`;
    objects[key] = JSON.stringify({ Records: [] });
    ids.push(queue.send(JSON.stringify({ s3Bucket: bucket, s3ObjectKey: [key] })));
  }
  return ids;
}

function source(options: Partial<Parameters<typeof sqsUnits>[0]> = {}) {
  const log: string[] = [];
  const units = sqsUnits({
    sqs: clients.sqs('us-east-1'),
    s3: clients.s3(),
    queueUrl: queue.queueUrl,
    drain: true,
    log: (line) => log.push(line),
    ...options,
  });
  return { units, log };
}

const changes = () =>
  queue.calls
    .filter((c) => c.operation === 'ChangeMessageVisibility')
    .map((c) => ({ handle: String(c.input.ReceiptHandle), seconds: Number(c.input.VisibilityTimeout) }));

describe('SQS visibility', () => {
  it('a message in work has its visibility extended until it is deleted', async () => {
    const [id] = fresh(1);
    const { units } = source({ visibility: { seconds: 45, everyMs: 10 } });
    const first = await units.next();
    const unit = first.value as DetectionUnit;
    expect(queue.calls.find((c) => c.operation === 'ReceiveMessage')?.input.VisibilityTimeout).toBe(45);
    // still in work (not settled): the keeper renews it
    await vi.waitFor(() => expect(changes().length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    expect(changes()[0]).toEqual({ handle: queue.messages[0]!.receiptHandle, seconds: 45 });
    await unit.settle?.({ complete: true, bad: 0 });
    expect(queue.deletions()).toEqual([`${id}#1`]);
    expect((await units.next()).done).toBe(true);
  });

  it('stopping hands back at once the messages received but not started (ChangeMessageVisibility 0)', async () => {
    const ids = fresh(10);
    const controller = new AbortController();
    const { units } = source({ drain: false, signal: controller.signal });
    // one receive brings 10 messages; 8 are read ahead, the 2 others not started yet
    const taken: DetectionUnit[] = [(await units.next()).value as DetectionUnit];
    controller.abort();
    for await (const unit of units) taken.push(unit);
    for (const unit of taken) await unit.settle?.({ complete: true, bad: 0 });
    expect(taken).toHaveLength(8);
    expect(queue.deletions()).toEqual(ids.slice(0, 8).map((id) => `${id}#1`));
    expect(changes().map((c) => c.seconds)).toEqual([0, 0]);
    expect(queue.messages.map((m) => m.id)).toEqual(ids.slice(8));
    expect(queue.messages.every((m) => m.invisibleUntil <= queue.now)).toBe(true);
  });

  it('a throttled ReceiveMessage (RequestThrottled) is retried after a growing backoff, not fatal', async () => {
    const [id] = fresh(1);
    queue.throttleReceives = 2;
    const attempts: number[] = [];
    const { units, log } = source({ backoff: async (attempt) => void attempts.push(attempt) });
    const unit = (await units.next()).value as DetectionUnit;
    await unit.settle?.({ complete: true, bad: 0 });
    expect((await units.next()).done).toBe(true);
    expect(attempts).toEqual([0, 1]);
    expect(log).toEqual(['sqs: ReceiveMessage throttled (RequestThrottled); backing off']);
    expect(queue.deletions()).toEqual([`${id}#1`]);
  });
});
