import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { setMaxListeners } from 'node:events';
import type { z } from 'zod';
import { awsErrorName, errorRecord, isCredentialError, accessErrorFor } from '../aws/aws-errors.ts';
import type { AwsClientSource } from '../aws/clients.ts';
import type { AwsAccessError } from '../errors.ts';
import { toPlainJson } from './plain-json.ts';

/** Counts the progress display shows. */
export interface CallStats {
  calls: number;
  /** calls recorded as errors (they make checks unknown) */
  errors: number;
  /** calls the SDK had to retry (throttling, 5xx) before they succeeded or gave up */
  retried: number;
  /** attempts AWS answered with a throttling error (each retry counts; see throttle-count.ts) */
  throttled: number;
}

/** Runs one call under the scan's concurrency limit (shared by every region, service and account). */
export type Limit = <T>(fn: () => Promise<T>) => Promise<T>;

type Shape = z.ZodType;
type ErrorEntry = { error: { name: string; message: string } };

/**
 * What a service collector is handed for one region: its clients, and `call`/`paginate`, which run under the
 * shared limit, count calls, turn SDK output into the snapshot's plain JSON checked against the schema, and
 * record any failure as `{ error: { name, message } }` instead of throwing.
 */
export class RegionContext {
  constructor(
    readonly region: string,
    readonly accountId: string,
    readonly partition: string,
    readonly clients: AwsClientSource,
    private readonly run: RunState,
  ) {}

  get signal(): AbortSignal {
    return this.run.controller.signal;
  }

  get stopped(): boolean {
    return this.run.controller.signal.aborted;
  }

  /** One call; `undefined` when the run was stopped before it got an answer (the key stays "not collected"). */
  async call(operation: string, shape: Shape, send: (signal: AbortSignal) => Promise<object>): Promise<unknown> {
    if (this.stopped) return undefined;
    try {
      const output = await this.run.limit(() => {
        if (this.stopped) throw STOPPED;
        this.run.stats.calls += 1;
        return send(this.signal);
      });
      this.countRetries(output);
      return checked(operation, shape, toPlainJson(output));
    } catch (error) {
      return this.failure(error, operation);
    }
  }

  /**
   * A paginated listing as ONE response holding every page's `itemsKey` items and no token (the snapshot rule).
   * A failure on any page records the error: a listing with pages missing would hide resources.
   */
  async paginate(
    operation: string,
    shape: Shape,
    itemsKey: string,
    send: (token: string | undefined, signal: AbortSignal) => Promise<object>,
  ): Promise<unknown> {
    const items: unknown[] = [];
    let token: string | undefined;
    let last: Record<string, unknown>;
    do {
      if (this.stopped) return undefined;
      let page: Record<string, unknown>;
      try {
        page = (await this.run.limit(() => {
          if (this.stopped) throw STOPPED;
          this.run.stats.calls += 1;
          return send(token, this.signal);
        })) as Record<string, unknown> | undefined ?? {};
      } catch (error) {
        return this.failure(error, operation);
      }
      this.countRetries(page);
      items.push(...((page[itemsKey] as unknown[] | undefined) ?? []));
      token = typeof page.NextToken === 'string' && page.NextToken !== '' ? page.NextToken : undefined;
      last = page;
    } while (token);
    const { NextToken: _token, ...rest } = last;
    return checked(operation, shape, toPlainJson({ ...rest, [itemsKey]: items }));
  }

  private countRetries(output: object): void {
    const attempts = (output as { $metadata?: { attempts?: number } }).$metadata?.attempts;
    if (attempts !== undefined && attempts > 1) this.run.stats.retried += 1;
  }

  private failure(error: unknown, operation: string): ErrorEntry | undefined {
    if (error === STOPPED || this.stopped) return undefined;
    if (isCredentialError(error)) {
      this.run.stop(accessErrorFor(error, operation));
      return undefined;
    }
    this.run.stats.errors += 1;
    return { error: errorRecord(error) };
  }
}

const STOPPED = new Error('stopped');

/** A response the schema rejects is recorded as an error, so the snapshot stays valid and the checks say unknown. */
function checked(operation: string, shape: Shape, plain: unknown): unknown {
  const parsed = shape.safeParse(plain);
  if (parsed.success) return plain;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return {
    error: {
      name: 'UnexpectedResponseShape',
      message: `AWS answered ${operation} with a shape cloudwarden does not understand${where}: ${issue?.message ?? 'invalid'}`,
    },
  };
}

/** Shared by every region of one account's collection: the limit, the counters, the stop switch. */
export class RunState {
  readonly controller = new AbortController();
  readonly stats: CallStats = { calls: 0, errors: 0, retried: 0, throttled: 0 };
  fatal: AwsAccessError | undefined;

  constructor(readonly limit: Limit, signal?: AbortSignal) {
    // Every call in flight listens on this one signal; more than Node's default of 10 is the point, not a leak.
    setMaxListeners(0, this.controller.signal);
    if (signal?.aborted) this.controller.abort();
    signal?.addEventListener('abort', () => this.controller.abort(), { once: true });
  }

  /** Credentials that stop working make every further call fail: stop, keep what was collected. */
  stop(error: AwsAccessError): void {
    this.fatal ??= error;
    this.controller.abort();
  }
}

/**
 * A service collector. Regional: what it collects in one region becomes `snapshot[service][region]`.
 * Global (`global: true`, IAM, Organizations): collected once, in the home region, as `snapshot[service]`.
 */
export interface RegionalServiceCollector {
  service: string;
  global?: boolean;
  collectRegion(context: RegionContext): Promise<Record<string, unknown>>;
}

/**
 * The account's enabled regions (`AllRegions: false` leaves out regions not opted in). When the call fails,
 * the home region alone is scanned and the failure is returned so the caller can say so.
 */
export async function enabledRegions(
  clients: AwsClientSource,
  run: RunState,
): Promise<{ regions: string[]; error?: ErrorEntry['error'] }> {
  try {
    const output = await run.limit(() => {
      run.stats.calls += 1;
      return clients.client(EC2Client, clients.homeRegion).send(new DescribeRegionsCommand({ AllRegions: false }), { abortSignal: run.controller.signal });
    });
    const regions = (output.Regions ?? [])
      .filter((r) => r.RegionName && (r.OptInStatus === undefined || r.OptInStatus !== 'not-opted-in'))
      .map((r) => r.RegionName as string)
      .sort();
    return { regions: regions.length > 0 ? regions : [clients.homeRegion] };
  } catch (error) {
    if (isCredentialError(error)) throw accessErrorFor(error, 'ec2:DescribeRegions');
    run.stats.errors += 1;
    return { regions: [clients.homeRegion], error: { name: awsErrorName(error), message: errorRecord(error).message } };
  }
}

/**
 * Every region x every regional service, in parallel under the run's limit. One region's failure (not
 * opted in, unreachable, denied by an SCP) is recorded in that region's entries and never stops the others.
 */
export async function collectRegional(
  clients: AwsClientSource,
  identity: { accountId: string; partition: string },
  services: readonly RegionalServiceCollector[],
  regions: readonly string[],
  run: RunState,
  onRegionDone?: (service: string, region: string) => void,
): Promise<Record<string, Record<string, unknown>>> {
  const sections: Record<string, Record<string, unknown>> = {};
  for (const service of services) sections[service.service] = {};
  await Promise.all(
    services.flatMap((service) =>
      (service.global ? [clients.homeRegion] : regions).map(async (region) => {
        const context = new RegionContext(region, identity.accountId, identity.partition, clients, run);
        const entry = dropUndefined(await service.collectRegion(context));
        if (service.global) sections[service.service] = entry;
        else (sections[service.service] as Record<string, unknown>)[region] = entry;
        onRegionDone?.(service.service, region);
      }),
    ),
  );
  return sections;
}

function dropUndefined(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));
}
