import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/detect/engine/types.ts';
import { alertNotice, findingNotice, malwareNotice, type Notice } from '../../src/notify/notice.ts';
import { openNotifier, type OpenedNotifier } from '../../src/notify/open.ts';
import { startFakeAwsServer } from '../aws/fake-aws-http.ts';
import { result } from '../store/builders.ts';
import { FakeSinkServices } from './fake-sink-services.ts';

/**
 * Every sink through the real SDK stack (signing, serialisation, error parsing) against loopback fakes, with
 * attacker-chosen strings in every field a notice carries.
 */

const HOSTILE = '<!channel> <https://evil.example|click> & <@U123> \u001b[31mred\u001b[0m line\r\nbreak\u0000nul';
const ACCOUNT = '111122223333';

const alert: Alert = {
  time: '2026-11-02T10:00:00Z',
  rule: `Bucket made public ${HOSTILE}`,
  priority: 'CRITICAL',
  output: `bucket ${HOSTILE} made public`,
  tags: ['aws', 'mitre_exfiltration', HOSTILE],
  source: 'aws_cloudtrail',
  output_fields: { 's3.bucket': HOSTILE },
  eventID: 'a1b2c3d4-0000-4000-8000-000000000001',
  eventName: 'PutBucketPolicy',
  awsRegion: 'us-east-1',
  recipientAccountId: ACCOUNT,
};

const finding = { ...result('s3-bucket-public-read', `evil${HOSTILE}`, 'fail'), message: `public: ${HOSTILE}` };
const verdict = {
  target: { kind: 's3' as const, bucket: 'uploads', key: `in/${HOSTILE}.exe`, region: 'us-east-1' },
  verdict: 'infected' as const,
  signature: `Eicar-Test-Signature ${HOSTILE}`,
  bytes: 68,
  scannedAt: '2026-11-02T10:00:05Z',
};
const notices: Notice[] = [
  alertNotice(alert),
  findingNotice(finding, 'new', '2026-11-02T10:00:03Z'),
  malwareNotice(verdict),
];

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

let aws: Awaited<ReturnType<typeof startFakeAwsServer>>;
let services: FakeSinkServices;
beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  services = new FakeSinkServices(ACCOUNT);
  services.groups.add('/cloudwarden/alerts');
  aws = await startFakeAwsServer(services.route);
});
afterAll(async () => {
  await aws.close();
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
});

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function hook(): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200).end('ok');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
}

async function deliver(sinks: string[]): Promise<OpenedNotifier> {
  const opened = await openNotifier(
    { sink: sinks },
    { aws: { endpointUrl: aws.url, homeRegion: 'us-east-1' }, env: {}, dedupWindowMs: 0 },
  );
  for (const notice of notices) expect(await (await opened!.notifier.notify(notice)).accepted).toBe(true);
  await opened!.notifier.close();
  opened!.destroy();
  expect(opened!.notifier.failures()).toEqual([]);
  return opened!;
}

describe('AWS sinks through the real SDK against loopback fakes', () => {
  it('sns: one Publish per notice, the JSON as Message, kind/severity/account as attributes, a printable Subject', async () => {
    const topic = `arn:aws:sns:us-east-1:${ACCOUNT}:security-alerts`;
    await deliver([`sns:${topic}`]);
    expect(services.published).toHaveLength(3);
    for (const [i, params] of services.published.entries()) {
      expect(params.TopicArn).toBe(topic);
      expect(JSON.parse(params.Message!)).toEqual(notices[i]!.json);
      expect(params.Subject).toMatch(/^[\x20-\x7e]{1,100}$/);
      const attributes = Object.fromEntries(
        Object.keys(params)
          .filter((k) => /^MessageAttributes\.entry\.\d+\.Name$/.test(k))
          .map((k) => [params[k], params[k.replace('.Name', '.Value.StringValue')]]),
      );
      expect(attributes.kind).toBe(notices[i]!.kind);
      expect(attributes.severity).toBe(notices[i]!.severity);
    }
    expect(services.published[0]!.Subject).toContain('cloudwarden alert: Bucket made public');
  });

  it('cloudwatch-logs: the missing stream is created once, then each notice is one JSON event', async () => {
    await deliver(['cloudwatch-logs:/cloudwarden/alerts/watch-1']);
    expect([...services.streams]).toEqual(['/cloudwarden/alerts/watch-1']);
    const events = services.logEvents.flatMap((call) => call.logEvents);
    expect(events.map((e) => JSON.parse(e.message) as unknown)).toEqual(notices.map((n) => n.json));
    expect(events.every((e) => Number.isInteger(e.timestamp))).toBe(true);
  });

  it('cloudwatch-logs: a missing group is a failure naming the error, not a silent drop', async () => {
    const opened = await openNotifier(
      { sink: ['cloudwatch-logs:/no/such-group/s'] },
      { aws: { endpointUrl: aws.url, homeRegion: 'us-east-1' }, env: {} },
    );
    expect(await (await opened!.notifier.notify(notices[0]!)).accepted).toBe(false);
    await opened!.notifier.close();
    opened!.destroy();
    expect(opened!.notifier.failures().join('\n')).toMatch(/ResourceNotFoundException on logs:CreateLogStream/);
  });

  it('securityhub: alerts as TTPs findings, posture findings as scan sends them, verdicts on the object', async () => {
    await deliver(['securityhub:us-east-1']);
    const findings = services.findings.flat();
    expect(findings).toHaveLength(3);
    const [fromAlert, fromFinding, fromVerdict] = findings;
    expect(fromAlert).toMatchObject({
      SchemaVersion: '2018-10-08',
      AwsAccountId: ACCOUNT,
      ProductArn: `arn:aws:securityhub:us-east-1:${ACCOUNT}:product/${ACCOUNT}/default`,
      Types: ['TTPs/Exfiltration'],
      Severity: { Label: 'CRITICAL', Original: 'CRITICAL' },
      Description: `bucket ${HOSTILE} made public`,
    });
    expect(fromFinding).toMatchObject({ AwsAccountId: ACCOUNT, RecordState: 'ACTIVE' });
    expect((fromFinding!.Resources as { Id: string }[])[0]!.Id).toBe(finding.resource.arn);
    // a verdict names no account: the caller's, from STS through the same endpoint
    expect(fromVerdict).toMatchObject({ AwsAccountId: ACCOUNT, Severity: { Label: 'CRITICAL' } });
  });

  it('eventbridge: the JSON as Detail, the kind as DetailType', async () => {
    await deliver(['eventbridge:default']);
    expect(services.events.map((e) => e.DetailType)).toEqual([
      'cloudwarden Detection Alert',
      'cloudwarden New Finding',
      'cloudwarden Malware Verdict',
    ]);
    expect(services.events.map((e) => JSON.parse(e.Detail as string) as unknown)).toEqual(notices.map((n) => n.json));
  });

  it('webhook: hostile strings arrive intact inside valid JSON (escaping is the receiver medium’s job)', async () => {
    const endpoint = await hook();
    await deliver([`webhook:${endpoint.url}`]);
    expect(endpoint.bodies.map((b) => JSON.parse(b) as unknown)).toEqual(notices.map((n) => n.json));
  });

  it('slack: no mention, link or control character survives from any field of any kind of notice', async () => {
    const endpoint = await hook();
    await deliver([`slack:${endpoint.url}`]);
    expect(endpoint.bodies).toHaveLength(3);
    for (const [i, body] of endpoint.bodies.entries()) {
      const message = JSON.parse(body) as { text: string; blocks: unknown[] };
      // Slack parses links and mentions in mrkdwn and in the top-level text, never in plain_text (the header)
      const texts: { text: string; parsed: boolean }[] = [];
      const walk = (value: unknown, parsed: boolean): void => {
        if (typeof value === 'string') texts.push({ text: value, parsed });
        else if (value && typeof value === 'object') {
          const plain = (value as { type?: unknown }).type === 'plain_text';
          for (const v of Object.values(value)) walk(v, parsed && !plain);
        }
      };
      walk(message, true);
      if (i === 0) expect(texts.some((t) => !t.parsed && t.text.includes('Bucket made public <!channel>'))).toBe(true);
      for (const { text, parsed } of texts) {
        expect(text).not.toMatch(CONTROL);
        if (!parsed) continue;
        expect(text).not.toContain('<!channel>');
        expect(text).not.toContain('<@U123>');
        expect(text).not.toContain('<https://evil.example|click>');
      }
      expect(message.text).toContain('&lt;!channel&gt;');
    }
  });
});
