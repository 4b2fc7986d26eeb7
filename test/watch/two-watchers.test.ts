/**
 * Scale-out: two watch processes consume one SQS queue (competing consumers) into one store. Every event's alert is
 * stored once, every message is deleted, none is left in the queue; which process took which message is the queue's
 * choice and is not asserted. Real SDK against loopback fakes; the test waits for what the fakes see, never for time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { watchCommand } from '../../src/watch/run-watch.ts';
import { s3ObjectRoute, startFakeAwsServer } from '../aws/fake-aws-http.ts';
import { FakeSqsQueue } from '../aws/fake-sqs-http.ts';
import { stopLogging } from './support/stop-logging.ts';
import { useExampleCredentials } from '../support/fake-aws-session.ts';

const ACCOUNT = '111122223333';
const queueUrl = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/shared-events`;
const trailBucket = 'shared-trail';
const objects: Record<string, string> = {};
const queue = new FakeSqsQueue(queueUrl, `arn:aws:sqs:us-east-1:${ACCOUNT}:shared-events`);
const FILES = 14;
const EVENT_TIME = '2026-11-02T10:00:00Z';
let aws: Awaited<ReturnType<typeof startFakeAwsServer>>;
let dir: string;

useExampleCredentials();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-two-watchers-'));
  for (let n = 1; n <= FILES; n++) {
    const key = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/11/02/${ACCOUNT}_CloudTrail_us-east-1_20261102T1000Z_s${n}.json`;
    objects[key] = JSON.stringify({
      Records: [stopLogging(ACCOUNT, `shared-${n}-a`, EVENT_TIME), stopLogging(ACCOUNT, `shared-${n}-b`, EVENT_TIME)],
    });
    queue.send(JSON.stringify({ s3Bucket: trailBucket, s3ObjectKey: [key] }));
  }
  const trail = s3ObjectRoute(trailBucket, objects);
  aws = await startFakeAwsServer((request) => queue.route(request) ?? trail(request));
});
afterAll(async () => {
  await aws.close();
  await rm(dir, { recursive: true, force: true });
});

describe('two watch processes on one queue and one store', () => {
  it('stores every alert once and delete every message, whichever process took it', async () => {
    const db = `sqlite:${join(dir, 'shared.db')}`;
    // the store exists before both start, as when a team's database is already in use
    const first = await openStore({ engine: 'sqlite', path: join(dir, 'shared.db') });
    await first.db.destroy();
    const watchers = [0, 1].map(() => {
      let alerts = '';
      let stderr = '';
      const stdout = new PassThrough();
      stdout.on('data', (chunk: Buffer) => (alerts += chunk.toString()));
      const controller = new AbortController();
      const run = watchCommand(
        { queue: `sqs://${queueUrl}`, endpointUrl: aws.url, region: 'us-east-1', db },
        { stdout, stderr: { write: (c: string) => (stderr += c) }, controller, env: {} },
      );
      return { run, controller, alerts: () => alerts, stderr: () => stderr };
    });
    await vi.waitFor(
      () => expect(new Set(queue.deletions()).size, watchers.map((w) => w.stderr()).join('\n')).toBe(FILES),
      { timeout: 60_000 },
    );
    for (const w of watchers) w.controller.abort();
    expect(await Promise.all(watchers.map((w) => w.run))).toEqual([0, 0]);

    const store = await openStore({ engine: 'sqlite', path: join(dir, 'shared.db') });
    try {
      const rows = await store.db.selectFrom('alerts').select(['event_id', 'rule']).execute();
      const ids = rows.map((r) => r.event_id).sort();
      // each event's alert once: a message delivered twice would be stored again under the same id, not added
      expect(ids).toEqual(expected().sort());
      expect(new Set(rows.map((r) => r.rule)).size).toBeGreaterThan(0);
    } finally {
      await store.db.destroy();
    }
    // at least once on the outputs: the two processes printed every event's alert between them
    const printed = watchers
      .flatMap((w) => w.alerts().split('\n'))
      .filter((l) => l.includes('CloudTrail logging stopped'));
    expect(printed.length).toBeGreaterThanOrEqual(2 * FILES);
  }, 90_000);
});

function expected(): string[] {
  return Array.from({ length: FILES }, (_, i) => [`shared-${i + 1}-a`, `shared-${i + 1}-b`]).flat();
}
