import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { accessErrorFor } from '../aws/aws-errors.ts';
import type { AwsClientSource } from '../aws/clients.ts';
import { partitionOfArn } from '../aws/regions.ts';
import { AwsAccessError, InternalError, InterruptedError } from '../errors.ts';
import { SNAPSHOT_FORMAT, type Snapshot } from '../model/snapshot-schema.ts';
import type { S3Collection } from './s3-collector.ts';
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
    if (!identity.Account) throw new AwsAccessError('GetCallerIdentity returned no account id', 'MissingAccount', 'sts:GetCallerIdentity');
    return { accountId: identity.Account, partition: partitionOfArn(identity.Arn) };
  } catch (error) {
    if (error instanceof AwsAccessError) throw error;
    if (run.controller.signal.aborted) throw new InterruptedError('interrupted before the account was identified: nothing was collected');
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
  const discovered = options.regions?.length ? { regions: [...options.regions].sort() } : await enabledRegions(clients, run);
  const total = services.reduce((n, s) => n + (s.scope === 'global' ? 1 : discovered.regions.length), 0);
  let done = 0;
  options.onProgress?.(done, total);
  const sections = await collectRegional(clients, identity, services, discovered.regions, run, () => options.onProgress?.((done += 1), total));
  return { identity, regions: discovered.regions, sections, ...('error' in discovered && discovered.error ? { regionsError: discovered.error } : {}) };
}

/** One snapshot from the S3 collection and the regional services' sections. */
export function mergeSnapshot(
  collection: S3Collection | undefined,
  regional: RegionalCollection | undefined,
  collectedAt: string,
  interrupted: boolean,
): Snapshot {
  const identity = collection?.snapshot ?? regional?.identity;
  if (!identity) throw new InternalError('no service was collected');
  const base: Snapshot = collection?.snapshot ?? {
    cloudwarden: SNAPSHOT_FORMAT,
    accountId: identity.accountId,
    partition: identity.partition,
    collectedAt,
  };
  return {
    ...base,
    ...(interrupted ? { partial: true } : {}),
    ...(regional ? { regions: regional.regions, ...regional.sections } : {}),
  } as Snapshot;
}
