import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/detect/engine/types.ts';
import { alertJson } from '../../src/detect/sinks/alert-sink.ts';
import type { AlertSink } from '../../src/detect/sinks/alert-sink.ts';
import { UserError } from '../../src/errors.ts';
import { Notifier, type NotifierOptions } from '../../src/notify/notifier.ts';
import type { HttpSinkOptions } from '../../src/notify/http-post.ts';
import { WebhookTransport } from '../../src/notify/webhook.ts';

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
  path: string;
  body: string;
  headers: IncomingHttpHeaders;
}

type Handler = (request: Received, res: ServerResponse, index: number) => void;

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A local endpoint; `handle` answers (or does not) each request, numbered from 0. */
async function endpoint(handle: Handler): Promise<{ origin: string; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const request = { path: req.url ?? '', body, headers: req.headers };
      received.push(request);
      handle(request, res, received.length - 1);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, url: `${origin}/hook`, received };
}

const statuses =
  (list: number[], headers: Record<string, string> = {}): Handler =>
  (_request, res) => {
    res.writeHead(list.shift() ?? 200, headers);
    res.end('ok');
  };

type Options = Partial<Omit<NotifierOptions, 'sinks'>> & HttpSinkOptions;

/** `--webhook URL` as detect has it: one webhook sink; its backoff sleeps are recorded, not waited for. */
async function sinkFor(url: string, options: Options = {}) {
  const sleeps: number[] = [];
  const { timeoutMs, concurrency, ...rest } = options;
  const transport = new WebhookTransport(url, undefined, {
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(concurrency ? { concurrency } : {}),
  });
  const notifier = await Notifier.open({
    sinks: [{ spec: `webhook:${url}`, transport }],
    sleep: async (ms) => void sleeps.push(ms),
    ...rest,
  });
  const [sink] = notifier.alertSinks();
  return { sink: sink!, sleeps };
}

async function send(sink: AlertSink, ids: string[]): Promise<boolean[]> {
  const handoffs = [];
  for (const id of ids) handoffs.push((await sink.write(alert(id))).accepted);
  await sink.close();
  return Promise.all(handoffs);
}

describe('webhook sink (--webhook, --sink webhook:URL)', () => {
  it('retries a 500 with backoff, then the alert is accepted, delivered once as the JSON line', async () => {
    const { url, received } = await endpoint(statuses([500, 500]));
    const { sink, sleeps } = await sinkFor(url, { baseDelayMs: 20 });
    expect(await send(sink, ['e-1'])).toEqual([true]);
    expect(sleeps).toEqual([20, 40]);
    expect(received).toHaveLength(3);
    // the body is the --format json line: Falco's alert shape (Falcosidekick takes it as Falco's own)
    expect(received[2]!.body).toBe(alertJson(alert('e-1')));
    expect(JSON.parse(received[2]!.body)).toMatchObject({
      rule: alert('e-1').rule,
      priority: 'Warning',
      eventID: 'e-1',
    });
    expect(received[2]!.headers['content-type']).toBe('application/json');
    expect(sink.summary!()).toBe('webhook: 1 delivered, 0 failed');
    expect(sink.failure!()).toBeUndefined();
  });

  it('a 500 forever: the alert is not accepted, and the failure line says how many, why and where', async () => {
    const { origin, url, received } = await endpoint(statuses(Array(20).fill(500)));
    const { sink } = await sinkFor(url, { maxAttempts: 3, concurrency: 1 });
    expect(await send(sink, ['a', 'b', 'c'])).toEqual([false, false, false]);
    // the first alert used its three tries; then the endpoint is taken as down and the others are not sent
    expect(received).toHaveLength(3);
    expect(sink.summary!()).toBe('webhook: 0 delivered, 3 failed');
    expect(sink.failure!()).toBe(`webhook: 3 alerts not delivered (HTTP 500 from ${origin}/hook)`);
  });

  it('does not retry a 400, and an alert failing alone does not stop the others', async () => {
    const { url, received } = await endpoint(statuses([400]));
    const { sink } = await sinkFor(url, { concurrency: 1 });
    expect(await send(sink, ['a', 'b'])).toEqual([false, true]);
    expect(received.map((r) => JSON.parse(r.body).eventID)).toEqual(['a', 'b']);
    expect(sink.failure!()).toMatch(/^webhook: 1 alert not delivered \(HTTP 400 from /);
  });

  it('honours Retry-After up to the cap, and gives up on a longer one without waiting', async () => {
    const { url } = await endpoint(statuses([429, 503], { 'retry-after': '3' }));
    const honoured = await sinkFor(url, { baseDelayMs: 100 });
    expect(await send(honoured.sink, ['a'])).toEqual([true]);
    expect(honoured.sleeps).toEqual([3000, 3000]);

    const { url: slowUrl } = await endpoint(statuses([503], { 'retry-after': '3600' }));
    const capped = await sinkFor(slowUrl, { maxRetryAfterMs: 60_000 });
    expect(await send(capped.sink, ['b'])).toEqual([false]);
    expect(capped.sleeps).toEqual([]);
    expect(capped.sink.failure!()).toMatch(/\(HTTP 503 with Retry-After 3600 s, beyond the 60 s cap from http/);
  });

  it('a hanging endpoint: each request times out, and after one alert the others fail without a request', async () => {
    const { url, received } = await endpoint(() => undefined); // never answers
    const { sink } = await sinkFor(url, { timeoutMs: 50, maxAttempts: 2, concurrency: 1 });
    expect(await send(sink, ['a', 'b', 'c', 'd'])).toEqual([false, false, false, false]);
    // alert a's two tries at most (a try may time out before its body reached the server); none for b, c, d
    expect(received.length).toBeLessThanOrEqual(2);
    expect(received.every((r) => (JSON.parse(r.body) as Alert).eventID === 'a')).toBe(true);
    expect(sink.failure!()).toMatch(
      /^webhook: 4 alerts not delivered \(no answer within 0\.05 s from http:\/\/127\.0\.0\.1:\d+\/hook\)$/,
    );
  });

  it('an alert delivered while the endpoint was taken as down brings it back up', async () => {
    let holdB: ServerResponse | undefined;
    const { url, received } = await endpoint((request, res) => {
      const id = (JSON.parse(request.body) as Alert).eventID;
      if (id === 'b') holdB = res;
      else res.writeHead(id === 'a' ? 500 : 200).end();
    });
    const { sink } = await sinkFor(url, { maxAttempts: 2, concurrency: 2 });
    const a = (await sink.write(alert('a'))).accepted;
    const b = (await sink.write(alert('b'))).accepted;
    expect(await a).toBe(false); // the endpoint is now taken as down
    while (!holdB) await new Promise((resolve) => setImmediate(resolve));
    holdB.end('ok');
    expect(await b).toBe(true);
    expect(await send(sink, ['c'])).toEqual([true]);
    expect(received.map((r) => (JSON.parse(r.body) as Alert).eventID).sort()).toEqual(['a', 'a', 'b', 'c']);
  });

  it('keeps a bounded number of requests in flight, more than one', async () => {
    let open = 0;
    let most = 0;
    const held: ServerResponse[] = [];
    // answers only once three requests wait at the same time: a sink sending one at a time would never finish
    const { url } = await endpoint((_request, res) => {
      held.push(res);
      most = Math.max(most, ++open);
      if (held.length < 3) return;
      for (const r of held.splice(0)) {
        open--;
        r.end('ok');
      }
    });
    const { sink } = await sinkFor(url, { concurrency: 3 });
    expect(await send(sink, ['1', '2', '3', '4', '5', '6', '7', '8', '9'])).toEqual(Array(9).fill(true));
    expect(most).toBe(3);
  });

  it('write waits for room when the queue is full instead of dropping an alert', async () => {
    const held: ServerResponse[] = [];
    let release = false;
    const { url, received } = await endpoint((_request, res) => (release ? res.end('ok') : held.push(res)));
    const { sink } = await sinkFor(url, { concurrency: 1, maxQueue: 2 });
    const accepted: Promise<boolean>[] = [];
    for (const id of ['1', '2', '3']) accepted.push((await sink.write(alert(id))).accepted);
    let fourthTaken = false;
    const fourth = sink.write(alert('4')).then((handoff) => ((fourthTaken = true), handoff));
    while (held.length === 0) await new Promise((resolve) => setImmediate(resolve));
    // alert 1 is at the endpoint, 2 and 3 fill the queue: alert 4 is not taken yet
    expect(fourthTaken).toBe(false);
    release = true;
    held[0]!.end('ok');
    accepted.push((await fourth).accepted);
    await sink.close();
    expect(await Promise.all(accepted)).toEqual([true, true, true, true]);
    expect(received.map((r) => JSON.parse(r.body).eventID)).toEqual(['1', '2', '3', '4']);
    expect(sink.summary!()).toBe('webhook: 4 delivered, 0 failed');
  });

  it('follows a same-origin redirect with the same POST', async () => {
    const { url, received } = await endpoint((request, res) => {
      if (request.path === '/hook') res.writeHead(307, { location: '/hook/v2' }).end();
      else res.writeHead(202).end();
    });
    const { sink } = await sinkFor(url);
    expect(await send(sink, ['a'])).toEqual([true]);
    expect(received.map((r) => [r.path, JSON.parse(r.body).eventID])).toEqual([
      ['/hook', 'a'],
      ['/hook/v2', 'a'],
    ]);
  });

  it('never sends the alert to another origin a redirect points to', async () => {
    const other = await endpoint(statuses([]));
    const { url } = await endpoint((_request, res) =>
      res.writeHead(308, { location: `${other.origin}/steal?token=abc` }).end(),
    );
    const { sink } = await sinkFor(url);
    expect(await send(sink, ['a', 'b'])).toEqual([false, false]);
    expect(other.received).toEqual([]);
    expect(sink.failure!()).toBe(
      `webhook: 2 alerts not delivered (HTTP 308 redirect to another origin (${other.origin}/steal?…), not followed from ${url})`,
    );
  });

  it('sends user:password as Basic authorization and never prints them, nor a query token or a path token', async () => {
    const { origin, received } = await endpoint(statuses(Array(10).fill(500)));
    const secretUrl =
      origin.replace('http://', 'http://alice:s3cr3t@') + '/services/T0001/B0002/XXXXSECRETXXXX?token=t0k3n';
    const { sink } = await sinkFor(secretUrl, { maxAttempts: 1 });
    expect(await send(sink, ['a'])).toEqual([false]);
    expect(received[0]!.headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cr3t').toString('base64')}`);
    expect(received[0]!.path).toBe('/services/T0001/B0002/XXXXSECRETXXXX?token=t0k3n');
    const line = sink.failure!()!;
    expect(line).toBe(
      `webhook: 1 alert not delivered (HTTP 500 from ${origin.replace('http://', 'http://***@')}/services/…?…)`,
    );
    for (const secret of ['alice', 's3cr3t', 'SECRET', 't0k3n', 'B0002']) expect(line).not.toContain(secret);
  });

  it('counts an unreachable endpoint as failed with the network error', async () => {
    const { url } = await endpoint(statuses([]));
    const server = servers.pop()!;
    await new Promise((resolve) => server.close(resolve));
    const { sink } = await sinkFor(url, { maxAttempts: 2 });
    expect(await send(sink, ['x'])).toEqual([false]);
    expect(sink.failure!()).toBe(`webhook: 1 alert not delivered (ECONNREFUSED from ${url})`);
  });

  it('refuses a URL that is not http(s), without echoing it', () => {
    expect(() => new WebhookTransport('file:///etc/passwd', undefined)).toThrow(UserError);
    expect(() => new WebhookTransport('not a url:pw', undefined)).toThrow(/^not a URL$/);
  });
});
