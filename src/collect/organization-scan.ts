import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import type { AwsClientOptions, AwsClients } from '../aws/clients.ts';
import type { AwsAccessError } from '../errors.ts';
import type { Snapshot } from '../model/snapshot-schema.ts';
import { collectAccount } from './account-collector.ts';
import { clientsForAccount, type AssumeOptions } from './organization.ts';
import type { ServiceDeclaration } from '../services/define-service.ts';
import { RunState, type CallStats, type Limit } from './run-state.ts';
import { countingThrottles } from './throttle-count.ts';

export interface OrganizationScanOptions {
  accountIds: readonly string[];
  assume: AssumeOptions;
  clientOptions: AwsClientOptions;
  services: readonly ServiceDeclaration[];
  regions: readonly string[];
  /** ONE limit for every account: the calls in flight across the organization */
  limit: Limit;
  /** accounts collected at once (ACCOUNTS_IN_FLIGHT unless set) */
  accountsInFlight?: number;
  /** Ctrl-C: stops issuing calls; what was collected is returned, the accounts cut short marked partial */
  signal?: AbortSignal;
  /** an account's collection begins: `run.stats` counts its calls as they happen */
  onAccountStart?: (accountId: string, run: RunState) => void;
  onAccountDone?: (accountId: string, outcome: 'scanned' | 'failed', detail: string) => void;
  /** region x service units of an account done out of its total */
  onRegionalProgress?: (accountId: string, done: number, total: number) => void;
  /** resources of a grouped service (S3's buckets) of an account done out of those to scan */
  onGroupedProgress?: (accountId: string, service: string, done: number, total: number) => void;
  /**
   * Each account's snapshot as soon as it is collected (cut short ones too, marked partial), instead of in the
   * result's `snapshots`, which then stays empty: what the scan holds no longer grows with the organization.
   * The account keeps its place among those in flight until this returns.
   */
  onSnapshot?: (snapshot: Snapshot) => void | Promise<void>;
}

export interface AccountFailure {
  accountId: string;
  error: { name: string; message: string };
  /** the account's session stopped working mid-collection: what it collected is in `snapshots`, marked partial */
  cutShort?: boolean;
}

export interface OrganizationScan {
  /** sorted by account id; empty when the caller took each one with `onSnapshot` */
  snapshots: Snapshot[];
  /** accounts whose snapshot was collected (complete or cut short) */
  collected: number;
  failures: AccountFailure[];
  stats: CallStats;
  /** stopped by the caller's signal (Ctrl-C) */
  interrupted: boolean;
  /** the caller's own credentials stopped working (AssumeRole said so): the scan stopped, `snapshots` is what was collected */
  fatal?: AwsAccessError;
}

/**
 * Each account in flight holds its partial snapshot and the SDK clients of the regions it is collecting, so
 * scanning every account of a large organization at once grows memory with the organization. A few accounts
 * already keep far more calls ready than the shared limit lets out (PAIRS_IN_FLIGHT each); more only raises memory.
 */
export const ACCOUNTS_IN_FLIGHT = 6;

/**
 * Every account through the role, ACCOUNTS_IN_FLIGHT at a time, all calls under the one shared limit. An account whose role
 * cannot be assumed is a failure of that account only; so is one whose session stops working, but what it
 * collected is kept (marked partial). The caller's own credentials failing stops every account, keeping what
 * was collected.
 */
export async function collectOrganization(
  base: AwsClients,
  options: OrganizationScanOptions,
): Promise<OrganizationScan> {
  const snapshots: Snapshot[] = [];
  const failures: AccountFailure[] = [];
  let collectedCount = 0;
  const stats: CallStats = { calls: 0, errors: 0, retried: 0, throttled: 0 };
  const stop = new AbortController();
  // every account's run listens on this one signal
  setMaxListeners(0, stop.signal);
  const abortFromCaller = () => stop.abort();
  options.signal?.addEventListener('abort', abortFromCaller, { once: true });
  if (options.signal?.aborted) stop.abort();
  let fatal: AwsAccessError | undefined;
  const callerFailed = (error: AwsAccessError) => {
    fatal ??= error;
    stop.abort();
  };
  const caller = countingThrottles(base, stats);

  const scanAccount = async (accountId: string): Promise<void> => {
    const assumed = await options.limit(async () => {
      if (stop.signal.aborted) return undefined;
      stats.calls += 1;
      return clientsForAccount(caller, accountId, options.assume, options.clientOptions, callerFailed);
    });
    // stopped before its turn: not collected, and not a failure of the account
    if (assumed === undefined || (stop.signal.aborted && 'error' in assumed)) return;
    if ('error' in assumed) {
      if (assumed.fatal) {
        callerFailed(assumed.fatal);
        return;
      }
      failures.push({ accountId, error: assumed.error });
      options.onAccountDone?.(
        accountId,
        'failed',
        `cannot assume ${options.assume.roleName}: ${assumed.error.name}: ${assumed.error.message}`,
      );
      return;
    }
    if (stop.signal.aborted) {
      // assumed while the scan was stopping: nothing of it is collected
      assumed.clients.destroy();
      return;
    }
    const run = new RunState(options.limit, stop.signal);
    const clients = countingThrottles(assumed.clients, run.stats);
    options.onAccountStart?.(accountId, run);
    try {
      const collected = await collectAccount(clients, options.services, run, {
        regions: options.regions,
        identity: { accountId, partition: options.assume.partition },
        onGroupedProgress: (service, done, total) => options.onGroupedProgress?.(accountId, service, done, total),
        onRegionalProgress: (done, total) => options.onRegionalProgress?.(accountId, done, total),
      });
      collectedCount += 1;
      if (options.onSnapshot) await options.onSnapshot(collected.snapshot);
      else snapshots.push(collected.snapshot);
      const accountFatal = collected.fatal;
      // the account's own session stopped working (not the caller's, which stops the whole scan)
      if (accountFatal && !fatal) {
        failures.push({
          accountId,
          error: { name: accountFatal.awsErrorName ?? 'AwsAccessError', message: accountFatal.message },
          cutShort: true,
        });
        options.onAccountDone?.(accountId, 'failed', `cut short, partial: ${accountFatal.message}`);
        return;
      }
      options.onAccountDone?.(
        accountId,
        'scanned',
        `${collected.interrupted ? 'cut short, partial: ' : ''}${run.stats.calls} calls, ${run.stats.errors} failed`,
      );
    } catch (error) {
      // stopped while the account was being identified: nothing of it was collected
      if (stop.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      failures.push({
        accountId,
        error: { name: (error as { awsErrorName?: string }).awsErrorName ?? 'Error', message },
      });
      options.onAccountDone?.(accountId, 'failed', message);
    } finally {
      stats.calls += run.stats.calls;
      stats.errors += run.stats.errors;
      stats.retried += run.stats.retried;
      stats.throttled += run.stats.throttled;
      assumed.clients.destroy();
    }
  };

  try {
    const accounts = pLimit(options.accountsInFlight ?? ACCOUNTS_IN_FLIGHT);
    await Promise.all(options.accountIds.map((accountId) => accounts(() => scanAccount(accountId))));
  } finally {
    options.signal?.removeEventListener('abort', abortFromCaller);
  }
  snapshots.sort((a, b) => a.accountId.localeCompare(b.accountId));
  failures.sort((a, b) => a.accountId.localeCompare(b.accountId));
  return {
    snapshots,
    collected: collectedCount,
    failures,
    stats,
    interrupted: options.signal?.aborted === true,
    ...(fatal ? { fatal } : {}),
  };
}
