// `npm run bench -- scan`: scans 1,000 buckets through a mocked AWS (every call answers after 50 ms)
// with concurrency 16, and compares the wall time with the ideal: calls x latency / concurrency.
import { AwsClients } from '../src/aws/clients.ts';
import { collectS3 } from '../src/collect/s3-collector.ts';
import { validateSnapshot } from '../src/model/snapshot.ts';
import { answersFromEntry, installFakeAccount, type FakeBucket } from '../test/collect/fake-s3-account.ts';
import { hardenedBucket } from '../test/support/snapshot-builders.ts';

const BUCKETS = Number(process.env.BENCH_BUCKETS ?? 1000);
const LATENCY_MS = 50;
const CONCURRENCY = 16;
const TARGET_RATIO = 1.3;
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'us-west-2'];

const buckets: Record<string, FakeBucket> = {};
for (let i = 0; i < BUCKETS; i += 1) {
  const name = `bench-bucket-${String(i).padStart(4, '0')}`;
  const region = REGIONS[i % REGIONS.length]!;
  buckets[name] = { region, answers: answersFromEntry(hardenedBucket(name, { Region: region })) };
}

const fake = installFakeAccount({ buckets, latencyMs: LATENCY_MS });
const clients = await AwsClients.create({
  homeRegion: 'us-east-1',
  credentials: async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'bench' }),
});
const started = performance.now();
const { snapshot } = await collectS3(clients, { concurrency: CONCURRENCY });
const wallMs = performance.now() - started;
clients.destroy();
fake.restore();

validateSnapshot(JSON.parse(JSON.stringify(snapshot)));
const scanned = Object.keys(snapshot.s3?.buckets ?? {}).length;
const calls = fake.calls.total;
const idealMs = (calls * LATENCY_MS) / CONCURRENCY;
const ratio = wallMs / idealMs;
const rss = process.memoryUsage().rss / 1024 / 1024;
process.stdout.write(
  [
    `buckets scanned     ${scanned}`,
    `API calls           ${calls} (max ${fake.calls.maxInFlight} in flight)`,
    `latency per call    ${LATENCY_MS} ms, concurrency ${CONCURRENCY}`,
    `ideal               ${(idealMs / 1000).toFixed(2)} s (calls x latency / concurrency)`,
    `wall                ${(wallMs / 1000).toFixed(2)} s`,
    `ratio               ${ratio.toFixed(3)} (target <= ${TARGET_RATIO})`,
    `peak RSS            ${rss.toFixed(0)} MB`,
    '',
  ].join('\n'),
);
if (scanned !== BUCKETS || ratio > TARGET_RATIO) process.exitCode = 1;
