// `npm run bench -- watch`: WATCH_BENCH_EVENTS CloudTrail events (default 1,000,000) through `cloudwarden watch`
// (in process, the real SDK stack) against loopback fakes of SQS, S3 and a webhook, with a stop (what SIGTERM does:
// the run's controller aborts) and a restart in the middle. A producer keeps the queue a few files ahead, as a
// trail does. Measures: every alert delivered at least once (none lost), duplicates after the restart,
// event-in (message on the queue) to finding-updated (the finding's notice at the webhook) latency of change-triggered
// rescans, events/s, RSS over the run. Writes bench/results/watch.md.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { watchCommand } from '../src/watch/run-watch.ts';
import { emulatedAccount, type EmulatedBucket } from '../test/aws/emulated-account.ts';
import { s3ObjectRoute, startFakeAwsServer } from '../test/aws/fake-aws-http.ts';
import { FakeSqsQueue } from '../test/aws/fake-sqs-http.ts';

const EVENTS = Number(process.env.WATCH_BENCH_EVENTS ?? 1_000_000);
const PER_FILE = 2_000;
/** one StopLogging (an alert of the built-in pack) every ALERT_EVERY events */
const ALERT_EVERY = 500;
const RESCANS = 40;
/** files the producer keeps on the queue ahead of the consumer */
const AHEAD = 8;
const ACCOUNT = '111122223333';
const queueUrl = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/trail-events`;
const trailBucket = 'trail-bucket';

process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const publicPolicy = (bucket: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  });
const buckets: Record<string, EmulatedBucket> = {};
for (let k = 0; k < RESCANS; k++) {
  const name = `watched-${k}`;
  buckets[name] = {
    region: 'us-east-1',
    listRegion: true,
    answers: {
      policy: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: publicPolicy(name) }),
      policyStatus: () => ({
        status: 200,
        headers: { 'content-type': 'application/xml' },
        body: '<?xml version="1.0" encoding="UTF-8"?>\n<PolicyStatus xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><IsPublic>true</IsPublic></PolicyStatus>',
      }),
    },
  };
}

function record(id: string, name: string, source: string, params: Record<string, unknown>): string {
  return JSON.stringify({
    eventVersion: '1.08',
    eventTime: '2026-12-05T10:00:00Z',
    eventSource: source,
    eventName: name,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    eventID: id,
    recipientAccountId: ACCOUNT,
    userIdentity: { type: 'IAMUser', userName: 'alice', arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
    requestParameters: params,
  });
}

const trailObjects: Record<string, string> = {};
const queue = new FakeSqsQueue(queueUrl, `arn:aws:sqs:us-east-1:${ACCOUNT}:trail-events`);
queue.visibilityTimeout = 300;
let fileNo = 0;
function deliver(records: string[]): void {
  const key = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/12/05/${ACCOUNT}_CloudTrail_us-east-1_20261205T1000Z_${++fileNo}.json`;
  trailObjects[key] = `{"Records":[${records.join(',')}]}`;
  pending.set(queue.send(JSON.stringify({ s3Bucket: trailBucket, s3ObjectKey: [key] })), key);
}

/** objects whose message is still on the queue; a deleted message's object is dropped so the fake holds no history */
const pending = new Map<string, string>();
function forgetDone(): void {
  const live = new Set(queue.messages.map((m) => m.id));
  for (const [id, key] of pending) {
    if (live.has(id)) continue;
    pending.delete(id);
    delete trailObjects[key];
  }
}

const expectedAlerts = new Set<string>();
let produced = 0;
const files = Math.ceil(EVENTS / PER_FILE);
const rescanEvery = Math.max(1, Math.floor(files / RESCANS));
const rescanSent = new Map<string, number>();
let rescansQueued = 0;
function nextFile(): void {
  const records: string[] = [];
  for (let i = 0; i < PER_FILE && produced < EVENTS; i++, produced++) {
    if (produced % ALERT_EVERY === 0) {
      const id = `alert-${produced}`;
      expectedAlerts.add(id);
      records.push(record(id, 'StopLogging', 'cloudtrail.amazonaws.com', { name: 'main' }));
    } else {
      records.push(record(`e-${produced}`, 'DescribeInstances', 'ec2.amazonaws.com', { maxResults: 5 }));
    }
  }
  deliver(records);
  if (fileNo % rescanEvery === 0 && rescansQueued < RESCANS) {
    const name = `watched-${rescansQueued++}`;
    deliver([record(`r-${name}`, 'PutBucketPolicy', 's3.amazonaws.com', { bucketName: name })]);
    rescanSent.set(`arn:aws:s3:::${name}`, performance.now());
  }
}

// the webhook: alerts by event id, finding notices by bucket, with arrival times
const alertDeliveries = new Map<string, number>();
const noticeAt = new Map<string, number>();
let alertBodies = 0;
const hook = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const kind = String(req.headers['x-cloudwarden-kind']);
    let parsed: unknown = {};
    try {
      parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      process.stderr.write(`webhook: not JSON: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}\n`);
    }
    const body = parsed as {
      eventID?: string;
      checkId?: string;
      resource?: { arn?: string };
    };
    if (kind === 'alert' && body.eventID?.startsWith('alert-')) {
      alertBodies++;
      alertDeliveries.set(body.eventID, (alertDeliveries.get(body.eventID) ?? 0) + 1);
    }
    if (kind === 'finding-new' && body.checkId === 's3-bucket-policy-not-public' && body.resource?.arn)
      if (!noticeAt.has(body.resource.arn)) noticeAt.set(body.resource.arn, performance.now());
    res.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;

const trail = s3ObjectRoute(trailBucket, trailObjects);
const account = emulatedAccount(ACCOUNT, buckets);
const aws = await startFakeAwsServer(
  (request) => queue.route(request) ?? (request.path.startsWith(`/${trailBucket}`) ? trail(request) : account(request)),
);
const dir = await mkdtemp(path.join(tmpdir(), 'cw-watch-bench-'));
const db = `sqlite:${path.join(dir, 'store.db')}`;

const rss: number[] = [];
const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 1000);
let producing = true;
const producer = (async () => {
  while (produced < EVENTS) {
    forgetDone();
    if (queue.messages.length < AHEAD) nextFile();
    else await new Promise((resolve) => setTimeout(resolve, 2));
  }
  producing = false;
})();

let stderr = '';
async function run(controller: AbortController, drain = false): Promise<number> {
  const out = new PassThrough();
  out.resume();
  return watchCommand(
    { queue: `sqs://${queueUrl}`, endpointUrl: aws.url, region: 'us-east-1', webhook: hookUrl, db, drain },
    { stdout: out, stderr: { write: (c: string) => (stderr += c.length < 2000 ? c : '') }, controller, env: {} },
  );
}

const started = performance.now();
// first run: stopped (as SIGTERM does) when half the events were produced
const first = new AbortController();
const firstRun = run(first);
while (produced < EVENTS / 2) await new Promise((resolve) => setTimeout(resolve, 20));
const stopAt = performance.now();
first.abort();
const firstCode = await firstRun;
const stoppedIn = performance.now() - stopAt;
// what the stopped process had received and not finished is visible again after its visibility timeout
const inFlightAtStop = queue.messages.filter((m) => m.invisibleUntil > queue.now).length;
queue.advance(queue.visibilityTimeout + 1);

// second run: until everything was produced. Then it is stopped too, and a last run with --drain finishes what is
// left: the SQS fake answers an empty ReceiveMessage at once instead of long-polling 20 s, so a polling run on an
// empty queue spins instead of waiting, and --drain is how a batch ends on it.
const second = new AbortController();
const secondRun = run(second);
while (producing) await new Promise((resolve) => setTimeout(resolve, 50));
second.abort();
const secondCode = await secondRun;
queue.advance(queue.visibilityTimeout + 1);
const lastCode = await run(new AbortController(), true);
await producer;
const wall = (performance.now() - started) / 1000;
clearInterval(sampler);

const lost = [...expectedAlerts].filter((id) => !alertDeliveries.has(id));
const duplicates = [...alertDeliveries.values()].reduce((sum, n) => sum + n - 1, 0);
const latencies = [...rescanSent.entries()]
  .filter(([arn]) => noticeAt.has(arn))
  .map(([arn, sent]) => noticeAt.get(arn)! - sent)
  .sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const mb = (n: number) => Math.round(n / 1024 / 1024);
const at = (f: number) => mb(rss[Math.min(rss.length - 1, Math.floor(f * rss.length))] ?? 0);

await aws.close();
hook.closeAllConnections();
await new Promise((resolve) => hook.close(resolve));
await rm(dir, { recursive: true, force: true });

const rows: [string, string][] = [
  [
    'events',
    `${EVENTS.toLocaleString('en')} in ${files} files of ${PER_FILE} (+${rescansQueued} one-event rescan files)`,
  ],
  ['wall', `${wall.toFixed(1)} s, ${Math.round(EVENTS / wall).toLocaleString('en')} events/s end to end`],
  [
    'stop in the middle',
    `after ${Math.round(EVENTS / 2).toLocaleString('en')} produced; the run ended ${Math.round(stoppedIn)} ms after the stop (exit ${firstCode}), ${inFlightAtStop} message(s) in flight left on the queue; restart exit ${secondCode}, stopped again when all was produced; a last --drain run finished the rest (exit ${lastCode}), ${queue.messages.length} message(s) left`,
  ],
  [
    'alerts',
    `${expectedAlerts.size} expected, ${expectedAlerts.size - lost.length} delivered, **${lost.length} lost**, ${duplicates} duplicate deliveries (${alertBodies} webhook posts)`,
  ],
  [
    'rescan latency (message on the queue -> finding notice at the webhook)',
    `${latencies.length} of ${rescansQueued}: p50 ${Math.round(pct(50))} ms, p95 **${Math.round(pct(95))} ms**, max ${Math.round(latencies.at(-1) ?? NaN)} ms (target p95 < 5,000 ms)`,
  ],
  [
    'RSS (whole process: watch, fakes and producer)',
    `min ${mb(Math.min(...rss))} MB, at 10% ${at(0.1)}, 50% ${at(0.5)}, 90% ${at(0.9)}, max ${mb(Math.max(...rss))} MB`,
  ],
  [
    'machine',
    `load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1/5/15 min) at the end, ${availableParallelism()} cores, Node ${process.versions.node}`,
  ],
];
const text = [
  '# watch bench',
  '',
  `${new Date().toISOString()}. ${EVENTS === 1_000_000 ? '' : `**Smaller than the 1,000,000-event target** (WATCH_BENCH_EVENTS=${EVENTS}). `}In process: watch, the loopback fakes (SQS, S3, webhook) and the producer share one Node.js process and its RSS.`,
  '',
  '| measure | result |',
  '|---|---|',
  ...rows.map(([k, v]) => `| ${k} | ${v} |`),
  '',
  'Last stderr lines of the runs:',
  '',
  '```',
  ...stderr.trim().split('\n').slice(-6),
  '```',
  '',
].join('\n');
await writeFile(fileURLToPath(new URL('./results/watch.md', import.meta.url)), text);
process.stdout.write(text);
process.exit(lost.length === 0 ? 0 : 1);
