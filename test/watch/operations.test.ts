/**
 * Operating a watch: /healthz and /metrics while it runs (real SDK against loopback fakes of SQS and S3), and
 * `--log-format json` (every stderr line one JSON object). The test waits for what the fakes see, never for time.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { watchCommand } from '../../src/watch/run-watch.ts';
import { parseMetricsAddress } from '../../src/watch/metrics.ts';
import { s3ObjectRoute, startFakeAwsServer } from '../aws/fake-aws-http.ts';
import { FakeSqsQueue } from '../aws/fake-sqs-http.ts';
import { stopLogging } from './support/stop-logging.ts';
import { useExampleCredentials } from '../support/fake-aws-session.ts';

const ACCOUNT = '111122223333';
const queueUrl = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/ops-events`;
const trailBucket = 'ops-trail';
const objects: Record<string, string> = {};
const queue = new FakeSqsQueue(queueUrl, `arn:aws:sqs:us-east-1:${ACCOUNT}:ops-events`);
let aws: Awaited<ReturnType<typeof startFakeAwsServer>>;

let n = 0;
function deliver(records: unknown[]): void {
  const key = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/11/02/${ACCOUNT}_CloudTrail_us-east-1_20261102T1000Z_ops${++n}.json`;
  objects[key] = JSON.stringify({ Records: records });
  queue.send(JSON.stringify({ s3Bucket: trailBucket, s3ObjectKey: [key] }));
}

useExampleCredentials();

beforeAll(async () => {
  const trail = s3ObjectRoute(trailBucket, objects);
  aws = await startFakeAwsServer((request) => queue.route(request) ?? trail(request));
});
afterAll(async () => {
  await aws.close();
});

function metric(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('watch operations', () => {
  it('serves /healthz and /metrics while it runs, and logs JSON lines', async () => {
    // an event two minutes old when the alert is raised: the lag histogram sees it
    const eventTime = new Date(Date.now() - 120_000).toISOString().replace(/\.\d+Z$/, 'Z');
    deliver([stopLogging(ACCOUNT, 'ops-1', eventTime), stopLogging(ACCOUNT, 'ops-2', eventTime)]);
    let stderr = '';
    let base: string | undefined;
    const controller = new AbortController();
    const out = new PassThrough().resume();
    const run = watchCommand(
      {
        queue: `sqs://${queueUrl}`,
        endpointUrl: aws.url,
        region: 'us-east-1',
        metricsPort: '127.0.0.1:0',
        logFormat: 'json',
      },
      {
        stdout: out,
        stderr: { write: (c: string) => (stderr += c) },
        controller,
        env: {},
        onMetrics: (url) => (base = url),
      },
    );
    await vi.waitFor(() => expect(queue.deletions(), stderr).toHaveLength(1), { timeout: 20_000 });
    expect(base).toBeDefined();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    const text = await scrape.text();
    expect(metric(text, 'cloudwarden_watch_events_total')).toBe(2);
    expect(metric(text, 'cloudwarden_watch_alerts_total')).toBe(2);
    expect(metric(text, 'cloudwarden_watch_alert_lag_seconds_count')).toBe(2);
    // 2 minutes old: not in the 60 s bucket, in the 120 s one (raised within seconds of reading)
    expect(metric(text, 'cloudwarden_watch_alert_lag_seconds_bucket{le="60"}')).toBe(0);
    expect(metric(text, 'cloudwarden_watch_alert_lag_seconds_bucket{le="300"}')).toBe(2);
    expect(metric(text, 'cloudwarden_watch_queue_depth')).toBe(0);
    expect(metric(text, 'cloudwarden_watch_sink_failures_total')).toBe(0);
    expect(text).toContain('cloudwarden_watch_scans_running 0');
    expect(queue.calls.some((c) => c.operation === 'GetQueueAttributes')).toBe(true);
    expect((await fetch(`${base}/other`)).status).toBe(404);

    controller.abort();
    expect(await run).toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry).toMatchObject({ level: expect.stringMatching(/^(info|warn|error)$/), msg: expect.any(String) });
      expect(Number.isNaN(Date.parse(String(entry.time)))).toBe(false);
    }
    expect(lines.some((l) => l.includes('metrics: http://127.0.0.1:'))).toBe(true);
    expect(lines.some((l) => l.includes('detect: 2 events read'))).toBe(true);
    // the server is closed with the run
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 60_000);

  it.each([
    ['9464', { host: '127.0.0.1', port: 9464 }],
    ['0.0.0.0:9464', { host: '0.0.0.0', port: 9464 }],
    ['[::1]:9464', { host: '::1', port: 9464 }],
  ])('--metrics-port %j', (text, expected) => {
    expect(parseMetricsAddress(text)).toEqual(expected);
  });

  it.each(['http://x', '99999', 'port'])('--metrics-port %j is a usage error', (text) => {
    expect(() => parseMetricsAddress(text)).toThrow(/not a port or HOST:PORT/);
  });
});
