/**
 * Change-triggered rescans: the bucket an event changed is collected again (S3's collector, that bucket only),
 * its checks evaluated, the results recorded in the store as a scan scoped to that bucket, and the findings that
 * opened or closed sent to the sinks. Requests for one bucket are coalesced: while a rescan waits to start, later
 * events join it; an event that arrives while one runs gets one more rescan after it (the running one may have
 * read the bucket before the change).
 */
import pLimit from 'p-limit';
import type { AwsClientSource } from '../aws/clients.ts';
import type { Check } from '../checks/define-check.ts';
import { scanSnapshot } from '../checks/scan.ts';
import { collectAccount } from '../collect/account-collector.ts';
import { RunState } from '../collect/run-state.ts';
import type { GroupedCollection } from '../services/collect-grouped.ts';
import { SERVICES } from '../services/registry.ts';
import type { Notice } from '../notify/notice.ts';
import type { StoreDb } from '../store/open.ts';
import { recordScan } from '../store/posture.ts';
import { localUser, snapshotDigest } from '../store/scan-identity.ts';
import { changeNotices } from './finding-notices.ts';
import type { RescanRequest } from './rescan-rule.ts';

export interface RescanStats {
  requested: number;
  coalesced: number;
  done: number;
  failed: number;
  opened: number;
  closed: number;
}

export interface RescannerOptions {
  clients: AwsClientSource;
  store: StoreDb;
  checks: readonly Check[];
  /** hands a finding notice to the sinks; resolves with whether every sink took it */
  notify: (notice: Notice) => Promise<boolean>;
  log: (line: string) => void;
  /** rescans at once (each is a dozen S3 calls) */
  concurrency?: number;
  /** wait before a rescan starts, so that a burst of changes to one bucket is read once */
  settleMs?: number;
}

interface Slot {
  /** the rescan not started yet: new requests join it */
  queued?: Promise<boolean>;
  running?: Promise<boolean>;
}

/**
 * The bucket is gone: the listing (which succeeded: a failed one stops the collection) did not name it, or it
 * disappeared while being read. Not gone when it is only outside the regions asked for.
 */
function isGone(section: unknown, grouped: GroupedCollection | undefined, bucket: string): boolean {
  if (!grouped) return false;
  if (grouped.deleted.includes(bucket)) return true;
  if (grouped.outsideRegions.includes(bucket)) return false;
  const buckets = (section as { buckets?: Record<string, unknown> } | undefined)?.buckets;
  return buckets !== undefined && !(bucket in buckets);
}

export class Rescanner {
  readonly stats: RescanStats = { requested: 0, coalesced: 0, done: 0, failed: 0, opened: 0, closed: 0 };
  private readonly slots = new Map<string, Slot>();
  private readonly limit: ReturnType<typeof pLimit>;
  private identity: { accountId: string; partition: string } | undefined;
  private readonly foreign = new Set<string>();

  constructor(private readonly options: RescannerOptions) {
    this.limit = pLimit(options.concurrency ?? 4);
  }

  /** Resolves true once the bucket was rescanned, recorded and its changes taken by every sink. */
  request(request: RescanRequest): Promise<boolean> {
    this.stats.requested++;
    const key = request.bucket;
    const slot = this.slots.get(key) ?? {};
    this.slots.set(key, slot);
    if (slot.queued) {
      this.stats.coalesced++;
      return slot.queued;
    }
    const previous = slot.running;
    const run: Promise<boolean> = (previous ?? Promise.resolve(true))
      .catch(() => false)
      .then(() => new Promise((resolve) => setTimeout(resolve, this.options.settleMs ?? 200)))
      .then(async () => {
        slot.queued = undefined;
        slot.running = run;
        try {
          return await this.limit(() => this.rescan(request));
        } finally {
          if (slot.running === run) slot.running = undefined;
          if (!slot.running && !slot.queued) this.slots.delete(key);
        }
      });
    slot.queued = run;
    return run;
  }

  /** Rescans not finished yet. */
  get pending(): number {
    return this.slots.size;
  }

  private async rescan(request: RescanRequest): Promise<boolean> {
    const { bucket } = request;
    if (this.identity && request.account && request.account !== this.identity.accountId) {
      // these credentials see another account: its buckets are the next scheduled scan's (or another watch's)
      if (!this.foreign.has(request.account)) {
        this.foreign.add(request.account);
        this.options.log(
          `rescan: events of account ${request.account} are not rescanned (these credentials are account ${this.identity.accountId})`,
        );
      }
      return true;
    }
    try {
      const s3 = SERVICES.filter((service) => service.name === 's3');
      const collection = await collectAccount(this.options.clients, s3, new RunState(pLimit(8)), {
        regions: [],
        keys: [bucket],
        ...(this.identity ? { identity: this.identity } : {}),
      });
      if (collection.fatal) throw collection.fatal;
      const { snapshot } = collection;
      this.identity ??= { accountId: snapshot.accountId, partition: snapshot.partition };
      const arn = `arn:${snapshot.partition}:s3:::${bucket}`;
      const report = scanSnapshot(snapshot, this.options.checks);
      const results = report.results.filter((r) => r.resource.arn === arn);
      const gone = isGone(collection.snapshot.s3, collection.grouped.s3, bucket);
      const summary = await recordScan(this.options.store, {
        source: 'watch rescan',
        startedBy: localUser(),
        startedAt: report.generatedAt,
        collectedAt: report.collectedAt,
        partial: report.partial,
        snapshotDigest: snapshotDigest(snapshot),
        services: ['s3'],
        checks: this.options.checks.map((c) => c.id),
        results,
        resources: [arn],
        ...(gone ? { absent: [arn] } : {}),
      });
      const notices = changeNotices(summary, results, report.collectedAt);
      this.stats.opened += summary.opened.length;
      this.stats.closed += summary.closed.length;
      const accepted = await Promise.all(notices.map((n) => this.options.notify(n)));
      this.stats.done++;
      this.options.log(
        `rescan: s3://${bucket} after ${request.event ?? 'a change'}: ${gone ? `gone, ${summary.deleted} findings resolved as deleted` : `${summary.opened.length} new, ${summary.closed.length} resolved`} (scan ${summary.scanId})`,
      );
      return accepted.every(Boolean);
    } catch (error) {
      this.stats.failed++;
      const message = error instanceof Error ? error.message : String(error);
      this.options.log(`rescan: s3://${bucket} failed (${message.split('\n')[0]}); its message stays on the queue`);
      return false;
    }
  }
}
