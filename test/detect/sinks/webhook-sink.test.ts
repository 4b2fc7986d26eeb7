import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/detect/engine/types.ts';
import { WebhookSink } from '../../../src/detect/sinks/webhook-sink.ts';
import { UserError } from '../../../src/errors.ts';

const alert = (eventID: string): Alert => ({
  time: '2024-07-31T13:06:24Z',
  rule: 'CloudTrail Logging Disabled',
  priority: 'WARNING',
  output: `The CloudTrail logging has been disabled (id=${eventID})`,
  tags: ['cloud', 'aws'],
  source: 'aws_cloudtrail',
  output_fields: { 'ct.name': 'StopLogging' },
  eventID,
  eventName: 'StopLogging',
  awsRegion: 'us-east-1',
  recipientAccountId: '143434273843',
});

interface Received {
  body: Record<string, unknown>;
  contentType: string | undefined;
}

let server: Server | undefined;
const stop = (s: Server): Promise<unknown> =>
  new Promise((resolve) => {
    s.close(resolve);
    s.closeAllConnections();
  });
afterEach(async () => {
  if (server) await stop(server);
  server = undefined;
});

/** A local endpoint answering with the given statuses in turn (then 200), after `delayMs`. */
async function endpoint(statuses: number[], delayMs = 0): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ body: JSON.parse(body) as Record<string, unknown>, contentType: req.headers['content-type'] });
      setTimeout(() => {
        res.statusCode = statuses.shift() ?? 200;
        res.end('ok');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/hook`, received };
}

describe('WebhookSink', () => {
  it('retries a 500 twice with backoff and delivers the alert once, as the JSON line', async () => {
    const { url, received } = await endpoint([500, 500]);
    const sink = new WebhookSink({ url, baseDelayMs: 20 });
    const started = Date.now();
    sink.write(alert('e-1'));
    await sink.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(20 + 40);
    expect(received).toHaveLength(3);
    expect(received[2]!.body).toEqual(alert('e-1'));
    expect(received[2]!.contentType).toBe('application/json');
    expect(sink.summary()).toBe('webhook: 1 delivered, 0 failed, 0 dropped');
    expect(sink.delivered()).toBe(true);
  });

  it('gives up after maxAttempts, does not retry a 400, keeps the order of the others', async () => {
    const { url, received } = await endpoint([503, 503, 400]);
    const sink = new WebhookSink({ url, baseDelayMs: 1, maxAttempts: 2 });
    for (const id of ['a', 'b', 'c']) sink.write(alert(id));
    await sink.close();
    expect(received.map((r) => r.body.eventID)).toEqual(['a', 'a', 'b', 'c']);
    expect(sink.summary()).toBe('webhook: 1 delivered, 2 failed, 0 dropped (last error: HTTP 400)');
    expect(sink.delivered()).toBe(false);
  });

  it('drops the oldest alerts when the endpoint is slower than detection, and says so', async () => {
    const { url, received } = await endpoint([], 30);
    const sink = new WebhookSink({ url, maxQueue: 2 });
    for (const id of ['1', '2', '3', '4', '5']) sink.write(alert(id));
    await sink.close();
    // '1' is in flight at once, then the queue holds two: 2 and 3 are pushed out by 4 and 5
    expect(received.map((r) => r.body.eventID)).toEqual(['1', '4', '5']);
    expect(sink.summary()).toBe('webhook: 3 delivered, 0 failed, 2 dropped');
  });

  it('counts an unreachable endpoint as failed with the network error', async () => {
    const { url } = await endpoint([]);
    await stop(server!);
    server = undefined;
    const sink = new WebhookSink({ url, baseDelayMs: 1, maxAttempts: 2 });
    sink.write(alert('x'));
    await sink.close();
    expect(sink.summary()).toBe('webhook: 0 delivered, 1 failed, 0 dropped (last error: ECONNREFUSED)');
  });

  it('refuses a URL that is not http(s)', () => {
    expect(() => new WebhookSink({ url: 'file:///etc/passwd' })).toThrow(UserError);
    expect(() => new WebhookSink({ url: 'not a url' })).toThrow('not a URL: not a url');
  });
});
