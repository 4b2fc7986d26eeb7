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
import { runWorker } from '../worker/org-queue.ts';
import type { Exits } from './exits.ts';
import { addAwsOptions, addQuietOption, dbOption } from './options.ts';
import { checksForServices } from './scan-snapshot.ts';
import { queueTarget } from './scan-enqueue.ts';
import { openStoreToWrite, type DbOption } from './store-option.ts';

interface WorkerCliOptions extends DbOption {
  queue?: string;
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

export async function workerCommand(options: WorkerCliOptions, signal: AbortSignal): Promise<number> {
  if (!options.queue) throw new UserError('no --queue given (sqs://QUEUE_URL)', { field: '--queue' });
  const queue = queueTarget(options.queue);
  const concurrency = count(options.concurrency, '--concurrency', 256);
  const parallel = count(options.parallel, '--parallel', 64);
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
  const log = (line: string): void => {
    if (!options.quiet) process.stderr.write(`${escapeControl(line)}\n`);
  };
  try {
    const stats = await runWorker({
      queue,
      clients,
      clientOptions: { ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}) },
      store,
      services: SERVICES,
      checksFor: (services) => checksForServices(services.map((s) => s.name)),
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
        return await workerCommand(options, controller.signal);
      } finally {
        process.removeListener('SIGINT', stop);
        process.removeListener('SIGTERM', stop);
      }
    }),
  );
}
