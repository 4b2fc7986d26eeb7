// `npm run bench -- scan`: scans 1,000 buckets with every call answering after 50 ms, concurrency 16,
// and compares the wall time with the ideal: calls x latency / concurrency (target: at most 1.3).
// The target is measured through aws-sdk-client-mock (it replaces Client#send: the scheduler alone).
// For information, the same scan also runs under the real SDK stack with an in-process HTTP handler
// (endpoint rules, signing, retries, XML parsing): the SDK spends about 1.4 ms of CPU per call, so on a
// machine whose cores are busy with other work that run becomes CPU-bound; its CPU time is printed beside it.
import { AwsClients, type AwsClientOptions } from '../src/aws/clients.ts';
import { collectS3 } from '../src/collect/s3-collector.ts';
import { validateSnapshot } from '../src/model/snapshot.ts';
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
  const clients = await AwsClients.create({ homeRegion: 'us-east-1', credentials, ...options });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const { snapshot } = await collectS3(clients, { concurrency: CONCURRENCY });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clients.destroy();
  validateSnapshot(JSON.parse(JSON.stringify(snapshot)));
  const scanned = Object.keys(snapshot.s3?.buckets ?? {}).length;
  return { label, gated, calls: countCalls(), wallMs, cpuMs: (cpu.user + cpu.system) / 1000, scanned };
}

async function withClientMock(): Promise<Run> {
  const buckets: Record<string, FakeBucket> = {};
  names.forEach((name, i) => {
    buckets[name] = { region: regionOf(i), answers: answersFromEntry(hardenedBucket(name, { Region: regionOf(i) })) };
  });
  const fake = installFakeAccount({ buckets, latencyMs: LATENCY_MS });
  try {
    return await scan('aws-sdk-client-mock', true, {}, () => fake.calls.total);
  } finally {
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

const runs = [await withClientMock(), await withSdkStack()];
let failed = false;
process.stdout.write(`${BUCKETS} buckets in ${REGIONS.length} regions, ${LATENCY_MS} ms per call, concurrency ${CONCURRENCY}\n`);
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
