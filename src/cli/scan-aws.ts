/** `scan aws` itself: loaded only when it runs, so that `scan iac` and `scan snapshot` carry none of the SDK. */
import pLimit from 'p-limit';
import { AwsClients } from '../aws/clients.ts';
import { scanSnapshot } from '../checks/scan.ts';
import { collectAccount, type AccountCollection, type RegionalCollection } from '../collect/account-collector.ts';
import { RunState } from '../collect/run-state.ts';
import { countingThrottles } from '../collect/throttle-count.ts';
import { EXIT, InternalError, UserError } from '../errors.ts';
import { validateSnapshot, writeSnapshot } from '../model/snapshot.ts';
import type { Snapshot } from '../model/snapshot-schema.ts';
import type { GroupedCollection } from '../services/collect-grouped.ts';
import { SERVICES } from '../services/registry.ts';
import { requireCollectedServices } from '../services/service-names.ts';
import { onInterrupt } from './interrupt.ts';
import { requireRegionNames } from './options.ts';
import { scanOrganization } from './scan-organization.ts';
import { checkReportOptions, emitReport, hint, loadCheckOptions, type ReportOptions } from './scan-output.ts';
import { ScanProgress } from './scan-progress.ts';
import { checksForServices } from './scan-snapshot.ts';
import { securityHubHooks, type SecurityHubOptions } from './securityhub-option.ts';
import { openStoreToWrite, withScanStore, type DbOption } from './store-option.ts';

export interface AwsScanOptions extends ReportOptions, SecurityHubOptions, DbOption {
  service?: string[];
  region: string[];
  profile?: string;
  endpointUrl?: string;
  concurrency: string;
  snapshotOut?: string;
  org?: boolean;
  accounts?: string;
  roleName: string;
  externalId?: string;
  /** `sqs://QUEUE_URL`: enqueue one message per account for `cloudwarden worker` instead of scanning */
  queue?: string;
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new UserError(`"${value}" is not a number of parallel calls between 1 and 256`, { field: '--concurrency' });
  }
  return n;
}

/** The collector's own output must load like a file would; if it does not, that is our bug. */
function revalidate(snapshot: Snapshot): Snapshot {
  try {
    return validateSnapshot(JSON.parse(JSON.stringify(snapshot)), '<collected>');
  } catch (error) {
    throw new InternalError(
      `the collected snapshot does not validate: ${error instanceof UserError ? error.format() : String(error)}`,
    );
  }
}

function summary(collection: GroupedCollection, regions: readonly string[]): string | undefined {
  const notes: string[] = [];
  if (collection.outsideRegions.length > 0) {
    notes.push(
      `${collection.outsideRegions.length} of ${collection.seen} buckets are outside --region ${regions.join(',')} and were not scanned`,
    );
  }
  return notes.length ? notes.join('\n') : undefined;
}

function regionalSummary(regional: RegionalCollection, run: RunState): string | undefined {
  const notes: string[] = [];
  if (regional.regionsError) {
    notes.push(
      `cannot list the enabled regions (${regional.regionsError.name}); only ${regional.regions.join(', ')} was scanned: use --region to name others`,
    );
  }
  if (run.stats.errors > 0) {
    notes.push(
      `${Object.keys(regional.sections).join(', ')} in ${regional.regions.length} region(s): ${run.stats.calls} calls, ${run.stats.errors} failed (results that needed them say unknown or name what could not be read), ${run.stats.retried} retried`,
    );
  }
  return notes.length ? notes.join('\n') : undefined;
}

/** `scan aws`: collect a live account, then the very path `scan snapshot` takes. */
export async function scanAws(options: AwsScanOptions): Promise<number> {
  const services = requireCollectedServices(options.service);
  const checks = checksForServices(services);
  if (checks.length === 0) throw new UserError(`no checks for service "${services.join(',')}"`, { field: '--service' });
  const selected = SERVICES.filter((s) => services.includes(s.name));
  const concurrency = parseConcurrency(options.concurrency);
  requireRegionNames(options.region);
  // Bad report flags fail now, not after a scan of every bucket.
  await checkReportOptions(options);
  if (options.securityhub && (options.org || options.accounts)) {
    // BatchImportFindings takes findings only from the account they are about (AwsAccountId = the caller)
    throw new UserError(
      "Security Hub imports findings only from the account they are about: run `scan aws --securityhub` in each account, or write --format asff and import each account's findings with its own credentials",
      { field: '--securityhub' },
    );
  }
  if (options.queue && !(options.org || options.accounts)) {
    throw new UserError('--queue fans out an organization scan: give --org or --accounts FILE', { field: '--queue' });
  }
  const checkOptions = await loadCheckOptions(options);
  const store = await openStoreToWrite(options);

  const clients = await AwsClients.create({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    maxSockets: concurrency,
  });
  if (options.queue) {
    const { enqueueOrganization } = await import('./scan-enqueue.ts');
    try {
      return await enqueueOrganization(clients, store, { ...options, queue: options.queue }, selected, {
        stdout: (line) => process.stdout.write(`${line}\n`),
        stderr: (line) => void (options.quiet ? undefined : process.stderr.write(`${line}\n`)),
      });
    } finally {
      clients.destroy();
      await store?.db.destroy();
    }
  }
  const progress = new ScanProgress({ quiet: options.quiet === true });
  const interrupt = onInterrupt((line) => progress.log(line));
  if (options.org || options.accounts) {
    try {
      return await scanOrganization(clients, options, {
        services: selected,
        checks,
        checkOptions,
        concurrency,
        signal: interrupt.signal,
        progress,
      });
    } finally {
      interrupt.dispose();
      progress.done();
      clients.destroy();
    }
  }
  const run = new RunState(pLimit(concurrency), interrupt.signal);
  // S3 and the regional services count the attempts AWS throttled into the one run
  const counted = countingThrottles(clients, run.stats);
  progress.track('account', () => run.stats);
  let collected: AccountCollection;
  try {
    collected = await collectAccount(counted, selected, run, {
      regions: options.region,
      onGroupedProgress: (_service, done, total) => progress.setBuckets('account', done, total),
      onRegionalProgress: (done, total) => progress.setUnits('account', done, total),
      warn: (message) => progress.log(`warning: ${message}`),
    });
  } finally {
    interrupt.dispose();
    progress.done();
    clients.destroy();
  }

  const { regional, interrupted } = collected;
  const collection = collected.grouped.s3;
  const snapshot = revalidate(collected.snapshot);
  if (options.snapshotOut) await writeSnapshot(options.snapshotOut, snapshot);
  const saved = options.snapshotOut ? `; what was collected is in ${options.snapshotOut} (marked partial)` : '';
  const done = collection
    ? `${collection.complete} of ${collection.scanned} buckets fully collected${saved}`
    : `collection incomplete${saved}`;
  if (collected.fatal) {
    process.stderr.write(`scan stopped: ${done}\n`);
    throw collected.fatal;
  }
  if (interrupted) {
    process.stderr.write(`interrupted: ${done}\n`);
    return EXIT.interrupted;
  }
  const note = [
    collection ? summary(collection, options.region) : undefined,
    regional ? regionalSummary(regional, run) : undefined,
  ]
    .filter((n) => n !== undefined)
    .join('\n');
  if (note) hint(options, note);
  return emitReport(
    scanSnapshot(snapshot, checks, { checkOptions }),
    options,
    withScanStore(
      store,
      { source: 'scan aws', snapshot, checks },
      options,
      securityHubHooks(options, clients.homeRegion),
    ),
  );
}
