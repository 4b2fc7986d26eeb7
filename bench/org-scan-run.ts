// The org-scan bench itself, run as built JavaScript by bench/org-scan.bench.ts (BENCH_ACCOUNTS, BENCH_CONCURRENCY to
// change the size): an organization scan of 50 accounts x 17 regions, every service of the registry (bench/registry-answers.ts answers each declared operation
// from its response schema), through `collectOrganization`, every AWS call answering after
// 50 ms, 5% of attempts answered with a throttling error and retried after a jittered backoff (as the SDK's
// retry strategy does, holding the caller's slot), one call limit shared by every account.
// Clients are real SDK clients whose `send` is replaced (no HTTP, no signing): what is measured is the
// scheduler, the shared limit, the collectors and the snapshot assembly. Ideal = attempts x latency / concurrency.
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import pLimit from 'p-limit';
import { AwsClients } from '../src/aws/clients.ts';
import { SERVICES } from '../src/services/registry.ts';
import { collectOrganization } from '../src/collect/organization-scan.ts';
import { validateSnapshot } from '../src/model/snapshot.ts';
import { answerFor, commandKey, operationOf, registryOperations } from './registry-answers.ts';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const LATENCY_MS = 50;
const THROTTLE_RATE = 0.05;
const TARGET_RATIO = 1.3;
const RSS_LIMIT_MB = 500;
const REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let attempts = 0;
let throttles = 0;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const { clients: serviceClients, byCommand } = registryOperations(SERVICES);
/** one answer per command, made once: each call gets its own copy, as each SDK call deserializes its own */
const answers = new Map<string, Record<string, unknown>>();
/** calls per service and per operation (retries are counted in `attempts` only) */
const callsByService = new Map<string, number>();
const callsByOperation = new Map<string, number>();

/** STS answers for the organization run itself (assuming each account's role); the rest comes from the registry. */
function stsAnswer(command: string): object {
  switch (command) {
    case 'AssumeRoleCommand':
      return {
        Credentials: {
          AccessKeyId: 'ASIABENCH',
          SecretAccessKey: 'bench',
          SessionToken: 'token',
          Expiration: new Date(Date.now() + 3_600_000),
        },
      };
    case 'GetCallerIdentityCommand':
      return { Account: '999999999999', Arn: 'arn:aws:iam::999999999999:user/bench', UserId: 'AIDABENCH' };
    default:
      throw new Error(`bench has no answer for sts ${command}`);
  }
}

/** One call's answer; each call is answered once (a throttled attempt is retried until it is), so it counts once. */
function answer(clientName: string, command: string, input: Record<string, unknown>): object {
  if (clientName === STSClient.name || clientName === OrganizationsClient.name) {
    callsByService.set('sts', (callsByService.get('sts') ?? 0) + 1);
    return stsAnswer(command);
  }
  const key = commandKey(clientName, command);
  const candidates = byCommand.get(key);
  if (!candidates) throw new Error(`bench has no answer for ${key}: no service declares it`);
  const operation = operationOf(candidates, input);
  callsByService.set(operation.service, (callsByService.get(operation.service) ?? 0) + 1);
  const name = `${operation.service}:${operation.operation}`;
  callsByOperation.set(name, (callsByOperation.get(name) ?? 0) + 1);
  const answerKey = `${operation.service}:${operation.operation}`;
  let made = answers.get(answerKey);
  if (!made) answers.set(answerKey, (made = answerFor(operation)));
  return structuredClone(made);
}

/** Every client answers after the latency; a throttled attempt waits a jittered backoff and is tried again. */
for (const ctor of [...serviceClients, STSClient, OrganizationsClient]) {
  (ctor.prototype as { send: unknown }).send = async function send(
    this: object,
    command: { constructor: { name: string }; input: Record<string, unknown> },
  ) {
    for (let attempt = 0; ; attempt += 1) {
      attempts += 1;
      await sleep(LATENCY_MS);
      if (Math.random() >= THROTTLE_RATE)
        return {
          ...answer(this.constructor.name, command.constructor.name, command.input),
          $metadata: { attempts: attempt + 1 },
        };
      throttles += 1;
      // the SDK's standard strategy: a random delay up to 100 ms x 2^attempt before the retry
      await sleep(Math.random() * 100 * 2 ** attempt);
    }
  };
}

const accountIds = Array.from({ length: ACCOUNTS }, (_, i) => String(100000000000 + i));
const base = await AwsClients.create({
  homeRegion: 'us-east-1',
  credentials: async () => ({ accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' }),
});
const loadBefore = loadavg()[0]!;
const cpuBefore = process.cpuUsage();
const limit = pLimit(CONCURRENCY);
const operationNames = new Set([...byCommand.values()].flat().map((o) => o.operation));
/** errors the collectors recorded in the snapshots instead of answers (a shape the schema refused, a failed target) */
const recordedErrors = new Map<string, number>();
function findErrors(node: unknown, path: string[]): void {
  if (node === null || typeof node !== 'object') return;
  const error = (node as { error?: { name?: unknown; message?: unknown } }).error;
  if (error && typeof error.name === 'string') {
    const operation = path.find((part) => operationNames.has(part)) ?? path.join('.');
    const name = `${path[0]}:${operation} ${error.name}${error.name === 'UnexpectedResponseShape' ? ` (${String(error.message)})` : ''}`;
    recordedErrors.set(name, (recordedErrors.get(name) ?? 0) + 1);
    return;
  }
  for (const [key, value] of Object.entries(node)) findErrors(value, [...path, key]);
}
let snapshotBytes = 0;
let snapshotsValidated = 0;
const started = performance.now();
const scan = await collectOrganization(base, {
  accountIds,
  assume: { roleName: 'OrganizationAccountAccessRole', partition: 'aws', sessionName: 'cloudwarden-scan-bench' },
  clientOptions: {},
  services: SERVICES,
  regions: REGIONS,
  limit: <T>(fn: () => Promise<T>) => limit(fn),
  // as `scan aws --org` does: each account is checked on arrival and let go, so nothing grows with the organization
  onSnapshot: (snapshot) => {
    const text = JSON.stringify(snapshot);
    snapshotBytes += text.length;
    validateSnapshot(JSON.parse(text));
    snapshotsValidated += 1;
    for (const service of SERVICES) findErrors((snapshot as Record<string, unknown>)[service.name], [service.name]);
  },
});
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuS = (cpu.user + cpu.system) / 1e6;
clearInterval(sampler);
base.destroy();

const loadAfter = loadavg()[0]!;
const idealMs = (attempts * LATENCY_MS) / CONCURRENCY;
const ratio = wallMs / idealMs;
const rssMb = peakRss / 1024 / 1024;
const ok =
  ratio <= TARGET_RATIO &&
  rssMb < RSS_LIMIT_MB &&
  scan.failures.length === 0 &&
  scan.collected === ACCOUNTS &&
  snapshotsValidated === ACCOUNTS;

// Every account is answered alike, so one account's calls are the run's divided by the accounts.
const perAccount = (calls: number) => calls / ACCOUNTS;
const scopeOf = new Map(SERVICES.map((s) => [s.name, s.scope]));
const serviceRows = [...callsByService.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([service, calls]) => {
    const operations = [...callsByOperation.entries()]
      .filter(([name]) => name.startsWith(`${service}:`))
      .map(([name, n]) => `${name.slice(service.length + 1)} ${perAccount(n)}`)
      .join(', ');
    const scope = scopeOf.get(service) ?? 'per account (the run assuming its role)';
    return `| ${service} | ${scope} | ${perAccount(calls)} | ${operations || 'AssumeRole (by the management account)'} |`;
  });
const oneAccountCalls = [...callsByService.values()].reduce((sum, n) => sum + n, 0) / ACCOUNTS;
const declared = [...byCommand.values()].flat().map((o) => `${o.service}:${o.operation}`);
const neverAsked = declared.filter((name) => !callsByOperation.has(name));
const lines = [
  '# org-scan benchmark',
  '',
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after (1 min). ${ACCOUNTS} accounts x ${REGIONS.length} regions, every service of the registry (${SERVICES.length}: ${SERVICES.map((s) => s.name).join(', ')}), every operation each declares answered from its response schema (one resource per listing, so each per-resource call is asked once per listing), ${LATENCY_MS} ms per call, ${THROTTLE_RATE * 100}% of attempts throttled and retried with a jittered backoff, one limit of ${CONCURRENCY} calls in flight shared by every account. Node ${process.version}.`,
  '',
  '| accounts scanned | attempts (calls incl. retries) | throttled | wall time | ideal (attempts x latency / concurrency) | ratio | peak RSS |',
  '|---|---|---|---|---|---|---|',
  `| ${scan.collected}/${ACCOUNTS} | ${attempts} | ${throttles} | ${(wallMs / 1000).toFixed(2)} s | ${(idealMs / 1000).toFixed(2)} s | ${ratio.toFixed(3)} | ${rssMb.toFixed(0)} MB |`,
  '',
  `Target: ratio <= ${TARGET_RATIO}, peak RSS < ${RSS_LIMIT_MB} MB: ${ok ? 'met' : 'NOT met'}.${
    scan.failures.length > 0
      ? ` ${scan.failures.length} accounts failed: ${scan.failures
          .map((f) => JSON.stringify(f))
          .slice(0, 3)
          .join('; ')}`
      : ''
  }`,
  'The backoff of throttled attempts is time a slot is held without a call in flight, so it is the part of the wall time above the ideal.',
  `Process CPU during the scan: ${cpuS.toFixed(1)} s (${((cpuS / wallMs) * 1000).toFixed(2)} of a core on average, ${((cpuS * 1e6) / attempts).toFixed(0)} µs per attempt): near 1 or above, the run was bound by CPU, not by the call limit. Snapshots (each validated on arrival and let go, as scan aws --org does): ${(snapshotBytes / 1024 / 1024).toFixed(1)} MB of JSON for ${snapshotsValidated} accounts (${(snapshotBytes / Math.max(1, snapshotsValidated) / 1024).toFixed(0)} KB each).`,
  '',
  `## Calls per service, one account x ${REGIONS.length} regions`,
  '',
  `${oneAccountCalls} calls (retries not counted). A regional service is asked in each of the ${REGIONS.length} regions, a global one once.`,
  '',
  '| service | scope | calls | per operation |',
  '|---|---|---|---|',
  ...serviceRows,
  '',
  `Declared operations never asked: ${neverAsked.length === 0 ? 'none' : neverAsked.join(', ')}.`,
  `Errors recorded in the snapshots instead of answers (all accounts): ${
    recordedErrors.size === 0 ? 'none' : [...recordedErrors.entries()].map(([name, n]) => `${name} (${n})`).join('; ')
  }.`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
await writeFile(new URL('./results/org-scan.md', import.meta.url), lines.join('\n'));
if (!ok) process.exitCode = 1;
