/**
 * The organization fan-out end to end through the real SDK stack against loopback fakes (SQS with
 * SendMessageBatch, STS AssumeRole per member account, S3 per account by the session's access key): `scan aws
 * --org --queue` enqueues one message per account and records the run; two workers on one queue and one store
 * (SQLite, and PostgreSQL when CLOUDWARDEN_TEST_POSTGRES_URL is set) store every account exactly once; SIGTERM
 * releases the account in work; a repeat delivery is deleted without a second scan.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import { checksForServices } from '../../src/cli/scan-snapshot.ts';
import { workerCommand } from '../../src/cli/worker.ts';
import { enqueueOrganization } from '../../src/cli/scan-enqueue.ts';
import { SERVICES } from '../../src/services/registry.ts';
import type { StoreDb } from '../../src/store/open.ts';
import { orgRunStatus } from '../../src/store/org-runs.ts';
import { parseAccountMessage } from '../../src/worker/account-message.ts';
import { runWorker, type WorkerOptions } from '../../src/worker/org-queue.ts';
import { emulatedAccount, type EmulatedBucket } from '../aws/emulated-account.ts';
import { callerIdentity, startFakeAwsServer, stsXmlError, xml, type FakeRequest } from '../aws/fake-aws-http.ts';
import { openStore } from '../../src/store/open.ts';
import { parseStoreUrl } from '../../src/store/url.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { dropTestDatabases, ENGINES, freshStore } from '../store/engines.ts';
import { FakeWorkQueue } from './fake-work-queue.ts';

const MANAGEMENT = '999988887777';
const MEMBERS = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555'];
/** its role cannot be assumed */
const LOCKED = '666666666666';
const queueUrl = `https://sqs.us-east-1.amazonaws.com/${MANAGEMENT}/org-scan`;
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function assumeRole(accountId: string) {
  return xml(
    200,
    `<AssumeRoleResponse xmlns="${STS_NS}"><AssumeRoleResult><AssumedRoleUser><Arn>arn:aws:sts::${accountId}:assumed-role/OrganizationAccountAccessRole/cloudwarden-scan-20261205000000</Arn><AssumedRoleId>AROA3XFRBF535PLBIFPI4:cloudwarden-scan-20261205000000</AssumedRoleId></AssumedRoleUser><Credentials><AccessKeyId>ASIA${accountId}</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey><SessionToken>FwoGZXIvYXdzEXAMPLE</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>`,
  );
}

/** Every member has one bucket with nothing configured (so findings open) in us-east-1. */
const accounts = Object.fromEntries(
  [...MEMBERS, LOCKED].map((id) => {
    const bucket: EmulatedBucket = { region: 'us-east-1', listRegion: true, answers: {} };
    return [id, emulatedAccount(id, { [`data-${id}`]: bucket })];
  }),
);

const queue = new FakeWorkQueue(queueUrl, `arn:aws:sqs:us-east-1:${MANAGEMENT}:org-scan`);
/** called on every S3 request, with the account it is for (the SIGTERM test stops a worker from here) */
let onAccountRequest: (accountId: string) => void = () => undefined;
let aws: Awaited<ReturnType<typeof startFakeAwsServer>>;
let dir: string;

function accountOf(request: FakeRequest): string | undefined {
  return /Credential=ASIA(\d{12})\//.exec(request.headers.authorization ?? '')?.[1];
}

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  dir = await mkdtemp(path.join(tmpdir(), 'cw-worker-'));
  aws = await startFakeAwsServer((request) => {
    const sqs = queue.route(request);
    if (sqs) return sqs;
    const member = accountOf(request);
    if (member) {
      onAccountRequest(member);
      return accounts[member]!(request);
    }
    if (request.body.includes('Action=AssumeRole')) {
      const target = /RoleArn=arn%3Aaws%3Aiam%3A%3A(\d{12})%3A/.exec(request.body)?.[1] ?? '';
      if (target === LOCKED)
        return stsXmlError(
          403,
          'AccessDenied',
          `User: arn:aws:iam::${MANAGEMENT}:user/auditor is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${LOCKED}:role/OrganizationAccountAccessRole`,
        );
      return assumeRole(target);
    }
    if (request.body.includes('Action=GetCallerIdentity')) return callerIdentity(MANAGEMENT);
    return stsXmlError(400, 'InvalidAction', 'not emulated');
  });
});

afterAll(async () => {
  await aws.close();
  await rm(dir, { recursive: true, force: true });
  await dropTestDatabases();
});

const s3 = SERVICES.filter((s) => s.name === 's3');

async function enqueue(store: StoreDb, ids: readonly string[]): Promise<string> {
  const file = path.join(dir, `accounts-${ids.length}-${Math.random().toString(36).slice(2)}.txt`);
  await writeFile(file, `${ids.join('\n')}\n`);
  const clients = await AwsClients.create({ endpointUrl: aws.url, homeRegion: 'us-east-1' });
  const out: string[] = [];
  try {
    await enqueueOrganization(
      clients,
      store,
      { accounts: file, queue: `sqs://${queueUrl}`, roleName: 'OrganizationAccountAccessRole', region: ['us-east-1'] },
      s3,
      { stdout: (line) => out.push(line), stderr: () => undefined },
    );
  } finally {
    clients.destroy();
  }
  return out[0]!;
}

async function worker(store: StoreDb, id: string, signal: AbortSignal, extra: Partial<WorkerOptions> = {}) {
  const clients = await AwsClients.create({ endpointUrl: aws.url, homeRegion: 'us-east-1' });
  try {
    return await runWorker({
      queue: { queueUrl, region: 'us-east-1' },
      clients,
      clientOptions: { endpointUrl: aws.url },
      store,
      services: SERVICES,
      checksFor: (services) => checksForServices(services.map((s) => s.name)),
      concurrency: 4,
      parallel: 2,
      drain: true,
      signal,
      log: () => undefined,
      workerId: id,
      waitSeconds: 0,
      ...extra,
    });
  } finally {
    clients.destroy();
  }
}

describe.each(ENGINES)('organization scan over SQS ($engine)', (engine) => {
  it('enqueues one validated message per account and two workers store every account exactly once', async () => {
    queue.messages.length = 0;
    const url = await engine.createUrl();
    const store = await openStore(parseStoreUrl(url));
    try {
      const runId = await enqueue(store, [...MEMBERS, LOCKED]);
      const early = await runCliInProcess(['findings', '--run', runId, '--db', url, '-f', 'json']);
      expect(early.code).toBe(2);
      expect(early.stderr).toContain(`run ${runId} is not complete: 0 of 6 account(s) in`);
      expect(queue.messages).toHaveLength(MEMBERS.length + 1);
      const bodies = queue.messages.map((m) => parseAccountMessage(m.body));
      expect(bodies.map((b) => b.accountId).sort()).toEqual([...MEMBERS, LOCKED]);
      expect(bodies[0]).toMatchObject({
        runId,
        roleName: 'OrganizationAccountAccessRole',
        partition: 'aws',
        regions: ['us-east-1'],
        services: ['s3'],
      });
      // a repeat delivery of one account (SQS is at least once)
      queue.send(queue.messages[0]!.body);
      expect((await orgRunStatus(store, runId))?.complete).toBe(false);

      const stop = new AbortController();
      const [a, b] = await Promise.all([
        worker(store, 'worker-a', stop.signal),
        worker(store, 'worker-b', stop.signal),
      ]);

      // both took part: each of their loops received a message before any was done
      expect(a.received).toBeGreaterThan(0);
      expect(b.received).toBeGreaterThan(0);
      expect(a.scanned + b.scanned).toBe(MEMBERS.length);
      expect(a.failed + b.failed).toBe(1);
      expect(a.invalid + b.invalid).toBe(0);
      // the repeat was recognised (or found held by the other worker and then recognised on its return)
      expect(queue.messages.length + a.repeats + b.repeats).toBeGreaterThanOrEqual(1);
      const status = await orgRunStatus(store, runId);
      expect(status?.complete).toBe(true);
      expect(status?.scanned.map((s) => s.accountId)).toEqual(MEMBERS);
      expect(status?.failed).toEqual([
        { accountId: LOCKED, detail: expect.stringContaining('AccessDenied') as string },
      ]);
      const scans = await store.db.selectFrom('scans').select(['id', 'source', 'accounts']).execute();
      expect(scans).toHaveLength(MEMBERS.length);
      expect(
        scans
          .map((s) => JSON.parse(s.accounts) as string[])
          .flat()
          .sort(),
      ).toEqual(MEMBERS);
      const findingAccounts = await store.db.selectFrom('findings').select('account_id').distinct().execute();
      expect(findingAccounts.map((f) => f.account_id).sort()).toEqual(MEMBERS);
      // every message of a stored account was deleted; a repeat still held by the other worker's claim may remain
      // only when it was received while that account was in work: it is deleted when it comes back
      while (queue.messages.length > 0) {
        queue.advance(600);
        const again = await worker(store, 'worker-c', stop.signal);
        expect(again.scanned).toBe(0);
      }
      expect(await store.db.selectFrom('scans').select('id').execute()).toHaveLength(MEMBERS.length);

      const report = await runCliInProcess(['findings', '--run', 'latest', '--db', url, '-f', 'json']);
      expect(report.code).toBe(0);
      expect(report.stderr).toContain(`account ${LOCKED} not scanned in run ${runId}: AccessDenied`);
      const results = (JSON.parse(report.stdout) as { results: { accountId: string }[] }).results;
      expect([...new Set(results.map((r) => r.accountId))].sort()).toEqual(MEMBERS);
    } finally {
      await store.db.destroy();
    }
  });

  it('an entry SQS refuses twice is reported: the run cannot complete, and the command fails', async () => {
    queue.messages.length = 0;
    const store = await freshStore(engine);
    queue.refuse = (body) => body.includes(MEMBERS[1]!);
    try {
      await expect(enqueue(store, MEMBERS)).rejects.toThrow('1 account message(s) were refused by SQS');
      expect(queue.messages.map((m) => parseAccountMessage(m.body).accountId)).toHaveLength(MEMBERS.length - 1);
      // sent once, refused, sent again alone
      const batches = queue.calls.filter((c) => c.operation === 'SendMessageBatch').slice(-2);
      expect(batches.map((c) => (c.input.Entries as unknown[]).length)).toEqual([MEMBERS.length, 1]);
    } finally {
      queue.refuse = () => false;
      await store.db.destroy();
    }
  });

  it('SIGTERM stops the account in work, releases its message and claim; the next worker stores it once', async () => {
    queue.messages.length = 0;
    const store = await freshStore(engine);
    try {
      const runId = await enqueue(store, [MEMBERS[0]!]);
      const stop = new AbortController();
      onAccountRequest = () => stop.abort();
      const first = await worker(store, 'worker-a', stop.signal, { parallel: 1 });
      onAccountRequest = () => undefined;
      expect(first).toMatchObject({ received: 1, scanned: 0, released: 1 });
      const release = queue.calls.filter((c) => c.operation === 'ChangeMessageVisibility').at(-1);
      expect(release?.input.VisibilityTimeout).toBe(0);
      expect(queue.messages).toHaveLength(1);
      expect(await store.db.selectFrom('org_run_accounts').selectAll().execute()).toEqual([]);
      expect(await store.db.selectFrom('scans').selectAll().execute()).toEqual([]);

      const second = await worker(store, 'worker-b', new AbortController().signal);
      expect(second).toMatchObject({ received: 1, scanned: 1 });
      expect(queue.messages).toHaveLength(0);
      expect((await orgRunStatus(store, runId))?.complete).toBe(true);
    } finally {
      onAccountRequest = () => undefined;
      await store.db.destroy();
    }
  });

  it('a message that is not an account scan message, or names a run the store does not have, stays on the queue', async () => {
    queue.messages.length = 0;
    const store = await freshStore(engine);
    try {
      queue.send('{"Records":[]}');
      queue.send(
        JSON.stringify({
          kind: 'cloudwarden.org-scan.account',
          version: 1,
          runId: 'no-such-run',
          accountId: MEMBERS[0],
          roleName: 'OrganizationAccountAccessRole',
          partition: 'aws',
          regions: [],
          services: ['s3'],
        }),
      );
      const lines: string[] = [];
      const stats = await worker(store, 'worker-a', new AbortController().signal, { log: (l) => lines.push(l) });
      expect(stats).toMatchObject({ received: 2, invalid: 2, scanned: 0 });
      expect(queue.messages).toHaveLength(2);
      expect(lines.join('\n')).toContain('not a cloudwarden account scan message');
      expect(lines.join('\n')).toContain('run no-such-run is not in this store');
    } finally {
      await store.db.destroy();
    }
  });
});

describe('cloudwarden worker --accept --config --metrics-port', () => {
  it('stores the accepted results as accepted and serves /healthz and /metrics while it runs', async () => {
    queue.messages.length = 0;
    const url = `sqlite:${path.join(dir, 'worker-cli.db')}`;
    const store = await openStore(parseStoreUrl(url));
    const accept = path.join(dir, 'accept.yaml');
    await writeFile(
      accept,
      '- check: s3-bucket-logging-enabled\n  reason: access logs go to the central logging account\n  resources: ["arn:aws:s3:::data-*"]\n',
    );
    const config = path.join(dir, 'checks.yaml');
    await writeFile(config, 'checks:\n  iam-user-unused-credentials:\n    days: 60\n');
    try {
      await enqueue(store, MEMBERS.slice(0, 2));
      const stop = new AbortController();
      let metricsUrl = '';
      const running = workerCommand(
        {
          queue: `sqs://${queueUrl}`,
          concurrency: '4',
          parallel: '1',
          db: url,
          accept: [accept],
          config,
          metricsPort: '0',
          endpointUrl: aws.url,
          region: 'us-east-1',
          quiet: true,
        },
        { signal: stop.signal, onMetrics: (u) => (metricsUrl = u) },
      );
      await vi.waitFor(() => expect(queue.messages).toHaveLength(0), { timeout: 60_000, interval: 50 });
      const health = await fetch(`${metricsUrl}/healthz`);
      expect(health.status).toBe(200);
      const text = await (await fetch(`${metricsUrl}/metrics`)).text();
      expect(text).toMatch(/^cloudwarden_worker_scans_total\{outcome="scanned"\} 2$/m);
      expect(text).toMatch(/^cloudwarden_worker_scans_total\{outcome="failed"\} 0$/m);
      expect(text).toMatch(/^cloudwarden_worker_scans_running 0$/m);
      expect(text).toMatch(/^cloudwarden_worker_accounts_per_hour 2$/m);
      stop.abort();
      expect(await running).toBe(0);
      const logging = await store.db
        .selectFrom('findings')
        .select(['account_id', 'verdict'])
        .where('check_id', '=', 's3-bucket-logging-enabled')
        .orderBy('account_id')
        .execute();
      expect(logging).toEqual(MEMBERS.slice(0, 2).map((account_id) => ({ account_id, verdict: 'accepted' })));
      const others = await store.db
        .selectFrom('findings')
        .select('verdict')
        .distinct()
        .where('check_id', '!=', 's3-bucket-logging-enabled')
        .execute();
      expect(others.map((o) => o.verdict)).not.toContain('accepted');
    } finally {
      await store.db.destroy();
    }
  });

  it.each([
    ['--config', 'checks:\n  no-such-check: {}\n', ':2:3: checks.no-such-check: unknown check id'],
    ['--accept', '- check: s3-bucket-logging-enabled\n', ':1: reason: is required'],
  ])('a bad %s file stops the worker (exit 2) before the queue is read', async (flag, text, expected) => {
    const file = path.join(dir, `bad-${flag.slice(2)}.yaml`);
    await writeFile(file, text);
    const before = queue.calls.length;
    const run = await runCliInProcess([
      'worker',
      '--queue',
      `sqs://${queueUrl}`,
      '--db',
      `sqlite:${path.join(dir, 'bad.db')}`,
      '--endpoint-url',
      aws.url,
      flag,
      file,
      '--drain',
    ]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`${file}${expected}`);
    expect(queue.calls.length).toBe(before);
  });
});

describe('account messages', () => {
  const good = {
    kind: 'cloudwarden.org-scan.account',
    version: 1,
    runId: '20261205181100-ab12cd',
    accountId: '111111111111',
    roleName: 'OrganizationAccountAccessRole',
    partition: 'aws',
    regions: ['eu-west-1'],
    services: ['s3', 'iam'],
  };
  it.each([
    ['not JSON', '{', 'message'],
    ['a short account id', JSON.stringify({ ...good, accountId: '1234' }), 'accountId'],
    ['an unknown field', JSON.stringify({ ...good, extra: 1 }), 'message'],
    ['a region that is no region name', JSON.stringify({ ...good, regions: ['../x'] }), 'regions.0'],
    ['no service', JSON.stringify({ ...good, services: [] }), 'services'],
    ['another version', JSON.stringify({ ...good, version: 2 }), 'version'],
  ])('refuses %s', (_name, body, field) => {
    expect(() => parseAccountMessage(body)).toThrow(
      expect.objectContaining({ location: expect.objectContaining({ field }) as unknown }) as Error,
    );
  });
  it('accepts a well-formed one', () => {
    expect(parseAccountMessage(JSON.stringify(good))).toEqual(good);
  });
});
