import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/detect/engine/types.ts';
import { EventBridgeTransport } from '../../src/notify/eventbridge.ts';
import { alertNotice } from '../../src/notify/notice.ts';
import { Notifier } from '../../src/notify/notifier.ts';
import { SlackTransport } from '../../src/notify/slack.ts';
import { WebhookTransport } from '../../src/notify/webhook.ts';

const hostile = '<!channel> <https://evil.example|click> & <@U123>';
const alert = (eventID: string, extra = ''): Alert => ({
  time: '2024-07-31T13:06:24Z',
  rule: 'Bucket made public',
  priority: 'CRITICAL',
  output: `bucket ${hostile}${extra} made public`,
  tags: ['aws', 'mitre_exfiltration'],
  source: 'aws_cloudtrail',
  output_fields: { 'ct.name': 'PutBucketPolicy' },
  eventID,
  eventName: 'PutBucketPolicy',
  awsRegion: 'us-east-1',
  recipientAccountId: '111122223333',
});

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function endpoint(statuses: number[]) {
  const received: { body: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

describe('notify', () => {
  it('signs webhook bodies: HMAC-SHA256 of timestamp.body, verifiable as docs/notify.md says', async () => {
    const hook = await endpoint([]);
    const transport = new WebhookTransport(hook.url, 's3cret', { now: () => 1_722_431_184_000 });
    const notifier = await Notifier.open({ sinks: [{ spec: `webhook:${hook.url}`, transport }] });
    await (
      await notifier.notify(alertNotice(alert('e-1')))
    ).accepted;
    await notifier.close();
    const [request] = hook.received;
    expect(request!.headers['x-cloudwarden-timestamp']).toBe('1722431184');
    const expected = createHmac('sha256', 's3cret').update(`1722431184.${request!.body}`).digest('hex');
    expect(request!.headers['x-cloudwarden-signature']).toBe(`v1=${expected}`);
  });

  it('Slack: a Block Kit message where hostile text cannot make links or mentions, with a dashboard button', async () => {
    const hook = await endpoint([429, 200]);
    const transport = new SlackTransport(hook.url, 'https://cw.example.com/');
    const sleeps: number[] = [];
    const notifier = await Notifier.open({
      sinks: [{ spec: `slack:${hook.url}`, transport }],
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(await (await notifier.notify(alertNotice(alert('e-1')))).accepted).toBe(true);
    await notifier.close();
    expect(sleeps).toHaveLength(1);
    const body = hook.received[1]!.body;
    expect(body).not.toMatch(/<!channel>|<@U123>|<https:/);
    expect(body).toContain('&lt;!channel&gt;');
    const message = JSON.parse(body) as { blocks: { type: string; elements?: { url?: string }[] }[] };
    expect(message.blocks.find((b) => b.type === 'actions')!.elements![0]!.url).toMatch(
      /^https:\/\/cw\.example\.com\/alerts\/[0-9a-f]{64}$/,
    );
  });

  it('de-duplicates a fingerprint within the window (injected clock), and sends it again after', async () => {
    const hook = await endpoint([]);
    let now = 0;
    const transport = new WebhookTransport(hook.url, undefined);
    const notifier = await Notifier.open({
      sinks: [{ spec: `webhook:${hook.url}`, transport }],
      dedupWindowMs: 60_000,
      now: () => now,
    });
    const send = async () => (await notifier.notify(alertNotice(alert('e-1')))).accepted;
    expect(await send()).toBe(true);
    now = 59_999;
    expect(await send()).toBe(true);
    now = 60_000;
    expect(await send()).toBe(true);
    await notifier.close();
    expect(hook.received).toHaveLength(2);
    expect(notifier.summaries()).toEqual(['webhook: 2 delivered, 0 failed, 1 duplicate suppressed']);
  });

  it('spool: what a sink that stayed down did not take is sent again after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-spool-'));
    const hook = await endpoint([500, 500]);
    const spec = `webhook:${hook.url}`;
    const first = await Notifier.open({
      sinks: [{ spec, transport: new WebhookTransport(hook.url, undefined) }],
      spoolDir: dir,
      maxAttempts: 2,
      sleep: async () => undefined,
    });
    expect(await (await first.notify(alertNotice(alert('e-1')))).accepted).toBe(false);
    await first.close();
    expect(first.failures()[0]).toMatch(/1 alert not delivered \(HTTP 500 from .*\); 1 kept in the spool/);
    const second = await Notifier.open({
      sinks: [{ spec, transport: new WebhookTransport(hook.url, undefined) }],
      spoolDir: dir,
    });
    await second.close();
    expect(second.summaries()).toEqual(['webhook: 1 delivered, 0 failed, 1 replayed from the spool']);
    expect(JSON.parse(hook.received[2]!.body)).toMatchObject({ eventID: 'e-1' });
    const third = await Notifier.open({
      sinks: [{ spec, transport: new WebhookTransport(hook.url, undefined) }],
      spoolDir: dir,
    });
    await third.close();
    expect(hook.received).toHaveLength(3);
  });

  it('EventBridge: 10 entries per PutEvents, a throttled entry retried, an invalid one reported', async () => {
    const mock = mockClient(EventBridgeClient);
    let throttled = false;
    mock.on(PutEventsCommand).callsFake((input: { Entries: { Detail: string }[] }) => {
      const Entries = input.Entries.map((entry) => {
        const id = (JSON.parse(entry.Detail) as { eventID: string }).eventID;
        if (id === 'e-0' && !throttled) {
          throttled = true;
          return { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' };
        }
        if (id === 'e-1') return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
        return { EventId: `id-${id}` };
      });
      return { FailedEntryCount: Entries.filter((e) => 'ErrorCode' in e).length, Entries };
    });
    const client = new EventBridgeClient({ region: 'us-east-1' });
    const transport = new EventBridgeTransport({ name: 'security' }, 'us-east-1', async () => client);
    const notifier = await Notifier.open({
      sinks: [{ spec: 'eventbridge:security', transport }],
      sleep: async () => undefined,
    });
    const accepted = [];
    for (let i = 0; i < 12; i++) accepted.push((await notifier.notify(alertNotice(alert(`e-${i}`)))).accepted);
    await notifier.close();
    const results = await Promise.all(accepted);
    expect(results.filter((r) => !r)).toHaveLength(1);
    const calls = mock.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries!.length);
    expect(Math.max(...calls)).toBeLessThanOrEqual(10);
    expect(calls.reduce((a, b) => a + b, 0)).toBe(13);
    expect(mock.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries![0]).toMatchObject({
      Source: 'cloudwarden',
      DetailType: 'cloudwarden Detection Alert',
      EventBusName: 'security',
    });
    expect(notifier.failures()).toEqual([
      'eventbridge: 1 alert not delivered (MalformedDetail on events:PutEvents: Detail is malformed. from security)',
    ]);
    mock.restore();
  });
});
