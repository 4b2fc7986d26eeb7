// `npm run bench -- scan` (BENCH_BUCKETS=N for another size): scans 1,000 buckets with every call answering after 50 ms, concurrency 16,
// and compares the wall time with the ideal: calls x latency / concurrency (target: at most 1.3).
// The target is measured with real SDK clients whose middleware stack ends in a custom middleware that
// answers after 50 ms (the collector, its scheduler and Client#send, no HTTP). For information, the same scan
// also runs through aws-sdk-client-mock (sinon adds ~0.4 ms of CPU per call) and under the whole SDK stack
// with an in-process HTTP handler (endpoint rules, signing, retries, XML parsing: ~1.5 ms of CPU per call, so
// on a machine whose cores are busy with other work that run becomes CPU-bound; CPU time is printed beside it).
import { S3ServiceException } from '@aws-sdk/client-s3';
import { AwsClients, type AwsClientOptions } from '../src/aws/clients.ts';
import pLimit from 'p-limit';
import { collectAccount } from '../src/collect/account-collector.ts';
import { RunState } from '../src/collect/run-state.ts';
import s3Service from '../src/services/s3/index.ts';
import { validateSnapshot } from '../src/model/snapshot.ts';
import type { BucketEntry } from '../src/services/s3/schema.ts';
import { emulatedAccount, hardenedAnswers, type EmulatedBucket } from '../test/aws/emulated-account.ts';
import { requestHandlerFor, type FakeRequest } from '../test/aws/fake-aws-http.ts';
import { answersFromEntry, installFakeAccount, type FakeBucket } from '../test/collect/fake-s3-account.ts';
import { hardenedBucket } from '../test/support/snapshot-builders.ts';

const BUCKETS = Number(process.env.BENCH_BUCKETS ?? 1000);
const LATENCY_MS = 50;
const CONCURRENCY = 16;
const TARGET_RATIO = 1.3;
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'us-west-2'];
const ACCOUNT_ID = '123456789012';
const credentials = async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'bench' });
const names = Array.from({ length: BUCKETS }, (_, i) => `bench-bucket-${String(i).padStart(4, '0')}`);
const regionOf = (i: number) => REGIONS[i % REGIONS.length]!;

interface Run {
  label: string;
  calls: number;
  wallMs: number;
  cpuMs: number;
  scanned: number;
  gated: boolean;
}

async function scan(label: string, gated: boolean, options: AwsClientOptions, countCalls: () => number): Promise<Run> {
  return scanWith(
    label,
    gated,
    await AwsClients.create({ homeRegion: 'us-east-1', credentials, ...options }),
    countCalls,
  );
}

async function scanWith(label: string, gated: boolean, clients: AwsClients, countCalls: () => number): Promise<Run> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const { snapshot } = await collectAccount(clients, [s3Service], new RunState(pLimit(CONCURRENCY)), { regions: [] });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clients.destroy();
  validateSnapshot(JSON.parse(JSON.stringify(snapshot)));
  const scanned = Object.keys(snapshot.s3?.buckets ?? {}).length;
  return { label, gated, calls: countCalls(), wallMs, cpuMs: (cpu.user + cpu.system) / 1000, scanned };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers each command from a hardened bucket's recorded responses, after the latency, without HTTP. */
async function withMiddleware(): Promise<Run> {
  const entries = new Map<string, BucketEntry>(
    names.map((name, i) => [name, hardenedBucket(name, { Region: regionOf(i) })]),
  );
  let calls = 0;
  const answer = (command: string, input: { Bucket?: string }): object => {
    if (command === 'GetCallerIdentityCommand')
      return { Account: ACCOUNT_ID, Arn: `arn:aws:iam::${ACCOUNT_ID}:user/bench`, UserId: 'AIDABENCH' };
    if (command === 'ListBucketsCommand') {
      return {
        Buckets: names.map((Name, i) => ({
          Name,
          CreationDate: new Date('2024-01-01T00:00:00Z'),
          BucketRegion: regionOf(i),
        })),
      };
    }
    if (!input.Bucket) return hardenedBucket('account').GetPublicAccessBlock as object;
    const recorded = entries.get(input.Bucket)?.[command.replace(/Command$/, '') as keyof BucketEntry] as
      object | undefined;
    if (recorded && 'error' in recorded) {
      const { name, message } = (recorded as { error: { name: string; message: string } }).error;
      throw new S3ServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 404 } });
    }
    return recorded ?? {};
  };
  const middleware = () => (_next: unknown, context: { commandName?: string }) => async (args: { input: object }) => {
    calls += 1;
    await sleep(LATENCY_MS);
    return { output: { ...answer(context.commandName ?? '', args.input), $metadata: {} }, response: {} };
  };
  const clients = await AwsClients.create({ homeRegion: 'us-east-1', credentials });
  const stacks = [clients.sts(), clients.s3Control(), ...REGIONS.map((r) => clients.s3(r))];
  for (const client of stacks) {
    (client.middlewareStack as { add: (mw: unknown, options: object) => void }).add(middleware(), {
      step: 'initialize',
      priority: 'high',
      name: 'benchAnswer',
    });
  }
  return scanWith('SDK client + middleware', true, clients, () => calls);
}

async function withClientMock(): Promise<Run> {
  const buckets: Record<string, FakeBucket> = {};
  names.forEach((name, i) => {
    buckets[name] = { region: regionOf(i), answers: answersFromEntry(hardenedBucket(name, { Region: regionOf(i) })) };
  });
  const fake = installFakeAccount({ buckets, latencyMs: LATENCY_MS });
  // sinon records every call's arguments; a scan of 15,000 calls is not what it is built for
  const forget = setInterval(() => fake.s3.resetHistory(), 1_000);
  try {
    return await scan('aws-sdk-client-mock', false, {}, () => fake.calls.total);
  } finally {
    clearInterval(forget);
    fake.restore();
  }
}

async function withSdkStack(): Promise<Run> {
  const buckets: Record<string, EmulatedBucket> = {};
  names.forEach((name, i) => {
    buckets[name] = { region: regionOf(i), listRegion: true, answers: hardenedAnswers(name, ACCOUNT_ID, regionOf(i)) };
  });
  const seen: FakeRequest[] = [];
  const requestHandler = requestHandlerFor(emulatedAccount(ACCOUNT_ID, buckets), seen, { delayMs: LATENCY_MS });
  return scan('SDK stack + HTTP handler', false, { requestHandler }, () => seen.length);
}

// BENCH_RUNS=middleware,mock,sdk (default: all three) picks the runs
const wanted = new Set((process.env.BENCH_RUNS ?? 'middleware,mock,sdk').split(','));
const runs: Run[] = [];
if (wanted.has('middleware')) runs.push(await withMiddleware());
if (wanted.has('mock')) runs.push(await withClientMock());
if (wanted.has('sdk')) runs.push(await withSdkStack());
let failed = false;
process.stdout.write(
  `${BUCKETS} buckets in ${REGIONS.length} regions, ${LATENCY_MS} ms per call, concurrency ${CONCURRENCY}\n`,
);
for (const run of runs) {
  const idealMs = (run.calls * LATENCY_MS) / CONCURRENCY;
  const ratio = run.wallMs / idealMs;
  failed ||= run.scanned !== BUCKETS || (run.gated && ratio > TARGET_RATIO);
  process.stdout.write(
    `${run.label.padEnd(26)} calls ${run.calls}  ideal ${(idealMs / 1000).toFixed(2)} s  wall ${(run.wallMs / 1000).toFixed(2)} s  ` +
      `ratio ${ratio.toFixed(3)}${run.gated ? ` (target <= ${TARGET_RATIO})` : ' (information)'}  ` +
      `CPU ${(run.cpuMs / 1000).toFixed(1)} s (${(run.cpuMs / run.calls).toFixed(2)} ms per call)  buckets ${run.scanned}\n`,
  );
}
process.stdout.write(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
if (failed) process.exitCode = 1;
