import { GetBucketLocationCommand, ListBucketsCommand, type ListBucketsCommandOutput } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import {
  accessErrorFor,
  awsErrorName,
  errorRecord,
  isCredentialError,
  isRegionRedirect,
  redirectRegionOf,
} from '../aws/aws-errors.ts';
import type { AwsClientSource } from '../aws/clients.ts';
import { partitionOfArn, regionFromLocationConstraint } from '../aws/regions.ts';
import { AwsAccessError, InterruptedError, UserError } from '../errors.ts';
import type { AwsErrorRecord } from '../model/observed.ts';
import { SNAPSHOT_FORMAT, type Snapshot } from '../model/snapshot-schema.ts';
import { checkedAnswer } from '../services/collect-service.ts';
import type { OperationDeclaration } from '../services/define-service.ts';
import s3Service from '../services/s3/index.ts';
import { BUCKET_OPERATION_NAMES, type BucketEntry, type BucketOperation } from '../services/s3/schema.ts';
import { toPlainJson } from './plain-json.ts';

export const DEFAULT_CONCURRENCY = 16;
/** ListBuckets page size: paginated requests are the only ones AWS serves for accounts above 10,000 buckets. */
const LIST_PAGE_SIZE = 1000;

export interface CollectProgress {
  bucketsTotal: number;
  bucketsDone: number;
  /** calls that failed for another reason than "not configured" (they make checks unknown) */
  errors: number;
  /** API calls sent, and how many of them the SDK had to retry (throttling, 5xx) */
  calls: number;
  retried: number;
}

export interface S3CollectOptions {
  /** scan only buckets in these regions; every bucket is still listed and located */
  regions?: readonly string[];
  /**
   * scan only these buckets (a change-triggered rescan); every bucket is still listed, so that one that is gone is
   * left out of the snapshot as gone
   */
  buckets?: readonly string[];
  /** API calls in flight at once */
  concurrency?: number;
  /** a limit shared with other collections (an organization scan bounds every account's calls together) */
  limit?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** abort (Ctrl-C): stops issuing calls and returns what was collected, marked partial */
  signal?: AbortSignal;
  onProgress?: (progress: CollectProgress) => void;
  /** the account, when the caller knows it already (no GetCallerIdentity then) */
  identity?: { accountId: string; partition: string };
  /** one line per event the user should know of (a bucket deleted during the scan) */
  warn?: (message: string) => void;
  now?: () => Date;
}

export interface S3Collection {
  snapshot: Snapshot;
  /** buckets ListBuckets returned */
  bucketsSeen: number;
  /** buckets left out by `regions` */
  outsideRegions: string[];
  /** buckets that disappeared during the scan (left out) */
  deleted: string[];
  /** buckets for which every operation was answered (less than all scanned ones when interrupted) */
  complete: number;
  interrupted: boolean;
  /** the credentials stopped working during the scan: what was collected is kept, the rest was not */
  fatal?: AwsAccessError;
}

interface BucketWork {
  name: string;
  /** known region; corrected when S3 redirects */
  region: string | undefined;
  creationDate?: string;
  arn?: string;
  responses: Partial<Record<BucketOperation, unknown>>;
  deleted: boolean;
}

const BUCKET_CALLS = s3Service.groupedResources!.buckets!.operations as Record<BucketOperation, OperationDeclaration>;

/** Operation names where AWS's "not configured" error is a fact, not a failure to read. */
function isNotConfigured(op: BucketOperation, record: AwsErrorRecord): boolean {
  return BUCKET_CALLS[op].notConfigured?.includes(record.name) === true;
}

function checkedResponse(op: BucketOperation, output: object): unknown {
  return checkedAnswer(op, BUCKET_CALLS[op].response, toPlainJson(output));
}

/**
 * Collects the S3 evidence of one account into a snapshot v1: the caller identity, the account-level
 * Public Access Block, every bucket (each asked in its own region) and every per-bucket operation of
 * the snapshot schema. One bucket's failure never stops the scan.
 */
export async function collectS3(clients: AwsClientSource, options: S3CollectOptions = {}): Promise<S3Collection> {
  const controller = new AbortController();
  // Every call in flight listens on this one signal; more than Node's default of 10 is the point, not a leak.
  setMaxListeners(0, controller.signal);
  const abortFromCaller = () => controller.abort();
  options.signal?.addEventListener('abort', abortFromCaller, { once: true });
  if (options.signal?.aborted) controller.abort();
  try {
    return await new S3Collector(clients, options, controller).run();
  } finally {
    options.signal?.removeEventListener('abort', abortFromCaller);
  }
}

class S3Collector {
  private readonly limit: <T>(fn: () => Promise<T>) => Promise<T>;
  private readonly signal: AbortSignal;
  private readonly regions: ReadonlySet<string> | undefined;
  private readonly progress: CollectProgress = { bucketsTotal: 0, bucketsDone: 0, errors: 0, calls: 0, retried: 0 };
  private fatal: AwsAccessError | undefined;

  constructor(
    private readonly clients: AwsClientSource,
    private readonly options: S3CollectOptions,
    private readonly controller: AbortController,
  ) {
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new UserError(`"${concurrency}" is not a positive whole number`, { field: '--concurrency' });
    }
    const own = pLimit(concurrency);
    this.limit = options.limit ?? (<T>(fn: () => Promise<T>) => own(fn));
    this.signal = controller.signal;
    this.regions = options.regions?.length ? new Set(options.regions) : undefined;
  }

  private get stopped(): boolean {
    return this.signal.aborted;
  }

  async run(): Promise<S3Collection> {
    const identity = this.options.identity ?? (await this.identify());
    const collectedAt = (this.options.now ?? (() => new Date()))().toISOString();
    const [accountPublicAccessBlock, all] = await Promise.all([
      this.limit(() => this.accountPublicAccessBlock(identity.accountId)),
      this.listBuckets(),
    ]);
    const only = this.options.buckets ? new Set(this.options.buckets) : undefined;
    const listed = only ? all.filter((work) => only.has(work.name)) : all;

    const outsideRegions: string[] = [];
    const scanned = new Set<BucketWork>();
    this.progress.bucketsTotal = listed.length;
    this.report();
    await Promise.all(
      listed.map(async (work) => {
        if (work.region === undefined) await this.limit(() => this.locate(work));
        if (work.region !== undefined && this.regions && !this.regions.has(work.region)) {
          outsideRegions.push(work.name);
          this.progress.bucketsTotal -= 1;
          this.report();
          return;
        }
        scanned.add(work);
        await Promise.all(BUCKET_OPERATION_NAMES.map((op) => this.limit(() => this.collectOperation(work, op))));
        this.progress.bucketsDone += 1;
        this.report();
      }),
    );

    const deleted = listed.filter((w) => w.deleted).map((w) => w.name);
    const buckets: Record<string, BucketEntry> = {};
    for (const work of listed) {
      if (work.deleted || !scanned.has(work)) continue;
      buckets[work.name] = {
        Region: work.region ?? this.clients.homeRegion,
        ...(work.creationDate ? { CreationDate: work.creationDate } : {}),
        ...(work.arn ? { BucketArn: work.arn } : {}),
        ...work.responses,
      } as BucketEntry;
    }
    const complete = Object.values(buckets).filter((entry) =>
      BUCKET_OPERATION_NAMES.every((op) => entry[op] !== undefined),
    ).length;
    const interrupted = this.stopped;
    const snapshot: Snapshot = {
      cloudwarden: SNAPSHOT_FORMAT,
      accountId: identity.accountId,
      partition: identity.partition,
      collectedAt,
      ...(interrupted ? { partial: true } : {}),
      s3: {
        ...(accountPublicAccessBlock === undefined ? {} : { GetPublicAccessBlock: accountPublicAccessBlock as never }),
        buckets,
      },
    };
    return {
      snapshot,
      bucketsSeen: all.length,
      outsideRegions,
      deleted,
      complete,
      interrupted,
      ...(this.fatal ? { fatal: this.fatal } : {}),
    };
  }

  private report(): void {
    this.options.onProgress?.({ ...this.progress });
  }

  /** One API call, counted for the progress display. */
  private async counted<T extends object>(send: () => Promise<T>): Promise<T> {
    this.progress.calls += 1;
    const output = await send();
    if (((output as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1) > 1) this.progress.retried += 1;
    return output;
  }

  /** The first call: it learns the account id and proves the credentials work, or ends the run with one clear line. */
  private async identify(): Promise<{ accountId: string; partition: string }> {
    try {
      const identity = await this.counted(() =>
        this.clients.sts().send(new GetCallerIdentityCommand({}), { abortSignal: this.signal }),
      );
      if (!identity.Account)
        throw new AwsAccessError('GetCallerIdentity returned no account id', 'MissingAccount', 'sts:GetCallerIdentity');
      return { accountId: identity.Account, partition: partitionOfArn(identity.Arn) };
    } catch (error) {
      if (error instanceof AwsAccessError) throw error;
      if (this.stopped)
        throw new InterruptedError('interrupted before the account was identified: nothing was collected');
      throw accessErrorFor(error, 'sts:GetCallerIdentity');
    }
  }

  private async accountPublicAccessBlock(accountId: string): Promise<unknown> {
    if (this.stopped) return undefined;
    try {
      const output = await this.counted(() =>
        this.clients
          .s3Control()
          .send(new GetPublicAccessBlockCommand({ AccountId: accountId }), { abortSignal: this.signal }),
      );
      return checkedAnswer(
        'GetPublicAccessBlock',
        s3Service.operations.GetPublicAccessBlock.response,
        toPlainJson(output),
      );
    } catch (error) {
      if (this.stopped) return undefined;
      if (isCredentialError(error)) this.stop(error, 's3control:GetPublicAccessBlock');
      return this.failure(error);
    }
  }

  /** Every bucket of the account, whatever region was asked: `--region` filters later, by the bucket's own region. */
  private async listBuckets(): Promise<BucketWork[]> {
    const buckets: BucketWork[] = [];
    let token: string | undefined;
    do {
      let page: ListBucketsCommandOutput;
      try {
        page = await this.counted(() =>
          this.clients
            .s3(this.clients.homeRegion)
            .send(new ListBucketsCommand({ MaxBuckets: LIST_PAGE_SIZE, ContinuationToken: token }), {
              abortSignal: this.signal,
            }),
        );
      } catch (error) {
        if (this.stopped) return buckets;
        throw accessErrorFor(error, 's3:ListBuckets');
      }
      for (const bucket of page.Buckets ?? []) {
        if (!bucket.Name) continue;
        buckets.push({
          name: bucket.Name,
          region: bucket.BucketRegion || undefined,
          ...(bucket.CreationDate ? { creationDate: bucket.CreationDate.toISOString() } : {}),
          ...(bucket.BucketArn ? { arn: bucket.BucketArn } : {}),
          responses: {},
          deleted: false,
        });
      }
      token = page.ContinuationToken || undefined;
    } while (token && !this.stopped);
    return buckets;
  }

  /** Older accounts' ListBuckets has no BucketRegion: GetBucketLocation tells, from any region. */
  private async locate(work: BucketWork): Promise<void> {
    if (this.stopped) return;
    const region = await this.locationOf(work);
    if (region !== undefined) work.region = region;
  }

  private async locationOf(work: BucketWork): Promise<string | undefined> {
    try {
      const output = await this.counted(() =>
        this.clients
          .s3(this.clients.homeRegion)
          .send(new GetBucketLocationCommand({ Bucket: work.name }), { abortSignal: this.signal }),
      );
      return regionFromLocationConstraint(output.LocationConstraint);
    } catch (error) {
      if (this.stopped) return undefined;
      if (awsErrorName(error) === 'NoSuchBucket') this.markDeleted(work);
      else if (isCredentialError(error)) this.stop(error, 's3:GetBucketLocation');
      else if (isRegionRedirect(error)) return redirectRegionOf(error);
      // Otherwise the bucket is asked in the home region and S3's redirect names the right one.
      return undefined;
    }
  }

  private async collectOperation(work: BucketWork, op: BucketOperation): Promise<void> {
    // A redirect is followed once: S3 names the region, the call is asked again there.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (this.stopped || work.deleted) return;
      const region = work.region ?? this.clients.homeRegion;
      try {
        const Command = BUCKET_CALLS[op].command as new (input: { Bucket: string }) => GetBucketLocationCommand;
        const output = await this.counted(() =>
          this.clients.s3(region).send(new Command({ Bucket: work.name }), { abortSignal: this.signal }),
        );
        work.responses[op] = checkedResponse(op, output);
        return;
      } catch (error) {
        if (this.stopped) return;
        if (awsErrorName(error) === 'NoSuchBucket') {
          this.markDeleted(work);
          return;
        }
        if (attempt === 0 && isRegionRedirect(error)) {
          const target = redirectRegionOf(error) ?? (await this.locationOf(work));
          if (target !== undefined && target !== region) {
            work.region = target;
            continue;
          }
        }
        if (isCredentialError(error)) {
          this.stop(error, `s3:${op}`);
          return;
        }
        const record = this.failure(error);
        work.responses[op] = record;
        if (!isNotConfigured(op, record.error)) this.progress.errors += 1;
        return;
      }
    }
  }

  private failure(error: unknown): { error: AwsErrorRecord } {
    return { error: errorRecord(error) };
  }

  private markDeleted(work: BucketWork): void {
    if (work.deleted) return;
    work.deleted = true;
    this.options.warn?.(`bucket ${work.name} was deleted during the scan (NoSuchBucket); it is left out`);
  }

  /** Credentials that stop working mid-scan make every further call fail: stop, keep what was collected. */
  private stop(error: unknown, operation: string): void {
    this.fatal ??= accessErrorFor(error, operation);
    this.controller.abort();
  }
}
