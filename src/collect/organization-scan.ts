import type { AwsClientOptions, AwsClients } from '../aws/clients.ts';
import type { Snapshot } from '../model/snapshot-schema.ts';
import { collectAccountServices, mergeSnapshot } from './account-collector.ts';
import { clientsForAccount, type AssumeOptions } from './organization.ts';
import { RunState, type CallStats, type Limit, type RegionalServiceCollector } from './regional-collector.ts';
import { collectS3 } from './s3-collector.ts';

export interface OrganizationScanOptions {
  accountIds: readonly string[];
  assume: AssumeOptions;
  clientOptions: AwsClientOptions;
  s3: boolean;
  services: readonly RegionalServiceCollector[];
  regions: readonly string[];
  /** ONE limit for every account: the calls in flight across the organization */
  limit: Limit;
  concurrency: number;
  signal?: AbortSignal;
  onAccountDone?: (accountId: string, outcome: 'scanned' | 'failed', detail: string) => void;
}

export interface AccountFailure {
  accountId: string;
  error: { name: string; message: string };
}

export interface OrganizationScan {
  snapshots: Snapshot[];
  failures: AccountFailure[];
  stats: CallStats;
  interrupted: boolean;
}

/**
 * Every account through the role, in parallel, all calls under the one shared limit. An account whose role
 * cannot be assumed (or whose credentials stop working) is a failure of that account only.
 */
export async function collectOrganization(base: AwsClients, options: OrganizationScanOptions): Promise<OrganizationScan> {
  const snapshots: Snapshot[] = [];
  const failures: AccountFailure[] = [];
  const stats: CallStats = { calls: 0, errors: 0, retried: 0 };
  await Promise.all(
    options.accountIds.map(async (accountId) => {
      const assumed = await options.limit(() => clientsForAccount(base, accountId, options.assume, options.clientOptions));
      stats.calls += 1;
      if ('error' in assumed) {
        failures.push({ accountId, error: assumed.error });
        options.onAccountDone?.(accountId, 'failed', `cannot assume ${options.assume.roleName}: ${assumed.error.name}: ${assumed.error.message}`);
        return;
      }
      const { clients } = assumed;
      const run = new RunState(options.limit, options.signal);
      try {
        const collectedAt = new Date().toISOString();
        const [s3, regional] = await Promise.all([
          options.s3 ? collectS3(clients, { regions: options.regions, limit: options.limit, concurrency: options.concurrency, ...(options.signal ? { signal: options.signal } : {}) }) : undefined,
          options.services.length > 0 ? collectAccountServices(clients, options.services, run, { regions: options.regions, identity: { accountId, partition: options.assume.partition } }) : undefined,
        ]);
        const fatal = s3?.fatal ?? run.fatal;
        if (fatal) {
          failures.push({ accountId, error: { name: fatal.awsErrorName ?? 'AwsAccessError', message: fatal.message } });
          options.onAccountDone?.(accountId, 'failed', fatal.message);
          return;
        }
        const interrupted = s3?.interrupted === true || run.controller.signal.aborted;
        snapshots.push(mergeSnapshot(s3, regional, collectedAt, interrupted));
        options.onAccountDone?.(accountId, 'scanned', `${run.stats.calls} calls, ${run.stats.errors} failed`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures.push({ accountId, error: { name: (error as { awsErrorName?: string }).awsErrorName ?? 'Error', message } });
        options.onAccountDone?.(accountId, 'failed', message);
      } finally {
        stats.calls += run.stats.calls;
        stats.errors += run.stats.errors;
        stats.retried += run.stats.retried;
        clients.destroy();
      }
    }),
  );
  snapshots.sort((a, b) => a.accountId.localeCompare(b.accountId));
  failures.sort((a, b) => a.accountId.localeCompare(b.accountId));
  return { snapshots, failures, stats, interrupted: options.signal?.aborted === true };
}
