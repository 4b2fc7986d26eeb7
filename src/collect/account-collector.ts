import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { accessErrorFor } from '../aws/aws-errors.ts';
import type { AwsClientSource } from '../aws/clients.ts';
import { partitionOfArn } from '../aws/regions.ts';
import { AwsAccessError, InterruptedError } from '../errors.ts';
import { SNAPSHOT_FORMAT, type Snapshot } from '../model/snapshot-schema.ts';
import { collectGrouped, type GroupedCollection } from '../services/collect-grouped.ts';
import type { ServiceDeclaration } from '../services/define-service.ts';
import { collectRegional, enabledRegions } from './regional-collector.ts';
import type { RunState } from './run-state.ts';

export interface Identity {
  accountId: string;
  partition: string;
}

/** The caller's account: the first call, which also proves the credentials work (or ends the run with one line). */
export async function identify(clients: AwsClientSource, run: RunState): Promise<Identity> {
  try {
    const identity = await run.limit(() => {
      run.stats.calls += 1;
      return clients.sts().send(new GetCallerIdentityCommand({}), { abortSignal: run.controller.signal });
    });
    if (!identity.Account)
      throw new AwsAccessError('GetCallerIdentity returned no account id', 'MissingAccount', 'sts:GetCallerIdentity');
    return { accountId: identity.Account, partition: partitionOfArn(identity.Arn) };
  } catch (error) {
    if (error instanceof AwsAccessError) throw error;
    if (run.controller.signal.aborted)
      throw new InterruptedError('interrupted before the account was identified: nothing was collected');
    throw accessErrorFor(error, 'sts:GetCallerIdentity');
  }
}

export interface RegionalCollection {
  identity: Identity;
  regions: string[];
  /** `snapshot[service]` for each service collected */
  sections: Record<string, Record<string, unknown>>;
  /** DescribeRegions failed: only the home region was collected */
  regionsError?: { name: string; message: string };
}

/**
 * The regional (and global non-S3) services of one account: `regions` as asked (`--region`), or every
 * region enabled for the account.
 */
export async function collectAccountServices(
  clients: AwsClientSource,
  services: readonly ServiceDeclaration[],
  run: RunState,
  options: {
    regions?: readonly string[];
    identity?: Identity;
    /** service x region pairs done, out of all of them (for a progress display) */
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<RegionalCollection> {
  const identity = options.identity ?? (await identify(clients, run));
  const discovered = options.regions?.length
    ? { regions: [...options.regions].sort() }
    : await enabledRegions(clients, run);
  const total = services.reduce((n, s) => n + (s.scope === 'global' ? 1 : discovered.regions.length), 0);
  let done = 0;
  options.onProgress?.(done, total);
  const sections = await collectRegional(clients, identity, services, discovered.regions, run, () =>
    options.onProgress?.((done += 1), total),
  );
  return {
    identity,
    regions: discovered.regions,
    sections,
    ...('error' in discovered && discovered.error ? { regionsError: discovered.error } : {}),
  };
}

export interface AccountCollection {
  snapshot: Snapshot;
  /** the services grouped per resource (S3: buckets seen, left out, deleted), by service name */
  grouped: Record<string, GroupedCollection>;
  /** the services collected region by region, when any was asked for */
  regional?: RegionalCollection;
  /** stopped before the end (Ctrl-C, or credentials that stopped working): the snapshot is marked partial */
  interrupted: boolean;
  /** the credentials stopped working: what was collected is in `snapshot` */
  fatal?: AwsAccessError;
}

export interface AccountCollectOptions {
  /** `--region`: only these regions (S3: only buckets there); default every enabled region */
  regions: readonly string[];
  /** known already (an organization scan assumed a role in it); otherwise asked with GetCallerIdentity */
  identity?: Identity;
  /** service x region pairs done, out of all of them */
  onRegionalProgress?: (done: number, total: number) => void;
  /** resources of a grouped service (S3's buckets) done, out of those to scan */
  onGroupedProgress?: (service: string, done: number, total: number) => void;
  /** one line per event the user should know of (a bucket deleted during the scan) */
  warn?: (message: string) => void;
}

/**
 * One account, the same way for `scan aws` and for each account of `scan aws --org`: the services whose answers are
 * grouped per resource (S3's buckets) resource by resource, every other declaration region by region, all under
 * the run's one limit and stop switch, merged into one snapshot.
 */
export async function collectAccount(
  clients: AwsClientSource,
  services: readonly ServiceDeclaration[],
  run: RunState,
  options: AccountCollectOptions,
): Promise<AccountCollection> {
  const collectedAt = new Date().toISOString();
  // one GetCallerIdentity for the account: it also proves the credentials work before anything else is asked
  const identity = options.identity ?? (await identify(clients, run));
  const regionalServices = services.filter((service) => service.groupedResources === undefined);
  const groupedServices = services.filter((service) => service.groupedResources !== undefined);
  const [regional, ...grouped] = await Promise.all([
    regionalServices.length > 0
      ? collectAccountServices(clients, regionalServices, run, {
          regions: options.regions,
          identity,
          ...(options.onRegionalProgress ? { onProgress: options.onRegionalProgress } : {}),
        })
      : undefined,
    ...groupedServices.map((service) =>
      collectGrouped(service, clients, { region: clients.homeRegion, ...identity }, run, {
        regions: options.regions,
        onProgress: (done, total) => options.onGroupedProgress?.(service.name, done, total),
        ...(options.warn ? { warn: options.warn } : {}),
      }),
    ),
  ]);
  const fatal = run.fatal;
  const interrupted = fatal !== undefined || run.controller.signal.aborted;
  const byService = Object.fromEntries(groupedServices.map((service, i) => [service.name, grouped[i]!]));
  const snapshot: Snapshot = {
    cloudwarden: SNAPSHOT_FORMAT,
    accountId: identity.accountId,
    partition: identity.partition,
    collectedAt,
    ...(interrupted ? { partial: true } : {}),
    ...Object.fromEntries(groupedServices.map((service, i) => [service.name, grouped[i]!.section])),
    ...(regional ? { regions: regional.regions, ...regional.sections } : {}),
  };
  return {
    snapshot,
    grouped: byService,
    ...(regional ? { regional } : {}),
    interrupted,
    ...(fatal ? { fatal } : {}),
  };
}
