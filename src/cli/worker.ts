/**
 * `cloudwarden worker --queue sqs://QUEUE_URL --db URL`: scans the accounts `scan aws --org --queue` enqueued,
 * storing each one; any number of workers share the queue and the store (docs/scale.md). Exit codes: 0 stopped
 * cleanly (SIGTERM, Ctrl-C, or --drain on an empty queue) with every account it took stored or released; 2 usage
 * or the worker's own credentials failing.
 */
import type { Command } from 'commander';
import { AwsClients } from '../aws/clients.ts';
import { DEFAULT_CONCURRENCY } from '../collect/run-state.ts';
import { EXIT, UserError } from '../errors.ts';
import { escapeControl } from '../report/escape.ts';
import { SERVICES } from '../services/registry.ts';
import { isExpired } from '../findings/accept.ts';
import { parseMetricsAddress } from '../watch/metrics.ts';
import { WorkerMetrics } from '../worker/metrics.ts';
import { newWorkerStats, runWorker } from '../worker/org-queue.ts';
import type { Exits } from './exits.ts';
import { addAwsOptions, addQuietOption, dbOption, repeatable } from './options.ts';
import { acceptFiles, DEFAULT_ACCEPT_FILE, loadAcceptances, loadCheckOptions } from './scan-output.ts';
import { checksForServices } from './scan-snapshot.ts';
import { queueTarget } from './scan-enqueue.ts';
import { openStoreToWrite, type DbOption } from './store-option.ts';

interface WorkerCliOptions extends DbOption {
  queue?: string;
  accept?: string[];
  config?: string;
  metricsPort?: string;
  concurrency: string;
  parallel: string;
  drain?: boolean;
  quiet?: boolean;
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

function count(value: string, field: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UserError(`"${value}" is not a number from 1 to ${max}`, { field });
  return n;
}

export interface WorkerIo {
  signal: AbortSignal;
  /** told the metrics server's base URL once it listens (tests use port 0) */
  onMetrics?: (url: string) => void;
}

export async function workerCommand(options: WorkerCliOptions, io: WorkerIo): Promise<number> {
  const { signal } = io;
  if (!options.queue) throw new UserError('no --queue given (sqs://QUEUE_URL)', { field: '--queue' });
  const queue = queueTarget(options.queue);
  const concurrency = count(options.concurrency, '--concurrency', 256);
  const parallel = count(options.parallel, '--parallel', 64);
  const metricsAddress = options.metricsPort !== undefined ? parseMetricsAddress(options.metricsPort) : undefined;
  const log = (line: string): void => {
    if (!options.quiet) process.stderr.write(`${escapeControl(line)}\n`);
  };
  // read before the queue, like scan aws: a typo in either file stops the worker before any account is taken
  const checkOptions = await loadCheckOptions(options);
  const acceptances = await loadAcceptances(acceptFiles(options));
  const now = new Date();
  for (const warning of acceptances.warnings) log(`warning: ${warning}`);
  for (const entry of acceptances.entries.filter((e) => isExpired(e, now)))
    log(
      `warning: ${entry.file}:${entry.line}: acceptance of ${entry.check} expired on ${entry.expires}; its results are stored as they are`,
    );
  const store = await openStoreToWrite(options);
  if (!store)
    throw new UserError('the worker stores every account it scans: give --db URL (or CLOUDWARDEN_DB)', {
      field: '--db',
    });
  const clients = await AwsClients.create({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.region ? { homeRegion: options.region } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    maxSockets: concurrency * parallel,
  });
  const stats = newWorkerStats();
  const metrics = new WorkerMetrics(() => stats);
  let served: { url: string; close: () => Promise<void> } | undefined;
  const unhealthy = (): void => {
    metrics.healthy = false;
  };
  signal.addEventListener('abort', unhealthy, { once: true });
  try {
    if (metricsAddress) {
      served = await metrics.serve(metricsAddress);
      log(`metrics: ${served.url}/metrics, health: ${served.url}/healthz`);
      io.onMetrics?.(served.url);
    }
    await runWorker({
      queue,
      clients,
      clientOptions: { ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}) },
      store,
      services: SERVICES,
      checksFor: (services) => checksForServices(services.map((s) => s.name)),
      checkOptions,
      acceptances: acceptances.entries,
      stats,
      onStored: () => metrics.accountStored(),
      concurrency,
      parallel,
      drain: options.drain === true,
      signal,
      log,
    });
    log(
      `worker: ${stats.received} message(s): ${stats.scanned} account(s) stored, ${stats.failed} failed, ${stats.repeats} repeat(s), ${stats.busy} held elsewhere, ${stats.invalid} invalid, ${stats.released} released`,
    );
    return EXIT.ok;
  } finally {
    signal.removeEventListener('abort', unhealthy);
    await served?.close();
    clients.destroy();
    await store.db.destroy();
  }
}

export function registerWorkerCommand(program: Command, exits: Exits): void {
  const command = program
    .command('worker')
    .description(
      'scan the accounts `scan aws --org --queue` enqueued, one SQS message each, storing every one (several workers share a queue)',
    )
    .option('--queue <sqs://QUEUE_URL>', 'the queue `scan aws --org --queue` wrote to')
    .option('--concurrency <n>', 'API calls in flight per account', String(DEFAULT_CONCURRENCY))
    .option('--parallel <n>', 'accounts scanned at once by this process', '2')
    .option('--drain', 'exit when the queue is empty instead of polling on')
    .option(
      '--accept <file>',
      `accepted risks (YAML, or a .trivyignore list), applied before each account is stored; repeatable; default ${DEFAULT_ACCEPT_FILE} when present`,
      repeatable,
    )
    .option('--config <file>', 'check options (YAML, as scan aws --config)')
    .option(
      '--metrics-port <[host:]port>',
      'serve /healthz and /metrics (Prometheus text) on this port, on 127.0.0.1 unless a host is given',
    )
    .addOption(dbOption('where every account is stored (required; the run was recorded there)'));
  addAwsOptions(addQuietOption(command, 'no per-account lines on stderr'), {
    description: 'home region for STS (the queue is asked in the region of its URL)',
  }).action(
    exits(async (options: WorkerCliOptions) => {
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        return await workerCommand(options, { signal: controller.signal });
      } finally {
        process.removeListener('SIGINT', stop);
        process.removeListener('SIGTERM', stop);
      }
    }),
  );
}
