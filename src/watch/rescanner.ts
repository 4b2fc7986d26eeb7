/**
 * Change-triggered rescans: the bucket an event changed is collected again (S3's collector, that bucket only),
 * its checks evaluated, the results recorded in the store as a scan scoped to that bucket, and the findings that
 * opened or closed sent to the sinks. Other services' resources the same way through their keyed reads (one
 * security group, one DB instance), or, where the service has none or the event names no id, by a sweep of the
 * service in the event's region (see planRescans). Requests for one (account, service, region, resource) are
 * coalesced: while a rescan waits to start, later events join it; an event that arrives while one runs gets one
 * more rescan after it (the running one may have read the resource before the change).
 */
import pLimit from 'p-limit';
import type { AwsClientSource } from '../aws/clients.ts';
import type { Check } from '../checks/define-check.ts';
import { scanSnapshot } from '../checks/scan.ts';
import { collectAccount, type AccountCollection } from '../collect/account-collector.ts';
import { RunState } from '../collect/run-state.ts';
import { AwsAccessError } from '../errors.ts';
import type { Result } from '../findings/result.ts';
import { resourcesOf, type ResourceKind } from '../model/account-state.ts';
import { normalise } from '../model/normalise.ts';
import type { GroupedCollection } from '../services/collect-grouped.ts';
import { keyedOperations, keyedOutcome, keyedService, serviceSubset } from '../services/collect-service.ts';
import { SERVICES } from '../services/registry.ts';
import type { Notice } from '../notify/notice.ts';
import type { StoreDb } from '../store/open.ts';
import { recordScan, type ScanRecord } from '../store/posture.ts';
import { localUser, snapshotDigest } from '../store/scan-identity.ts';
import { changeNotices } from './finding-notices.ts';
import {
  ALL_REGIONS,
  bucketChecks,
  keyedChecks,
  planRescans,
  type KeyedTarget,
  type RescanRequest,
  type SweepTarget,
} from './rescan-rule.ts';

export interface RescanStats {
  requested: number;
  coalesced: number;
  done: number;
  failed: number;
  /** refused access: logged, left to the next scheduled scan, not retried (and not a failure of the run) */
  refused: number;
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
  /** rescans at once (a bucket's is a dozen S3 calls, a keyed read one or a few) */
  concurrency?: number;
  /** wait before a rescan starts, so that a burst of changes to one bucket is read once */
  settleMs?: number;
}

interface Slot {
  /** the rescan not started yet: new requests join it */
  queued?: Promise<boolean>;
  /** the queued sweep's checks: a request that joins it adds its own */
  checks?: Set<string>;
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
  readonly stats: RescanStats = {
    requested: 0,
    coalesced: 0,
    done: 0,
    failed: 0,
    refused: 0,
    opened: 0,
    closed: 0,
  };
  private readonly slots = new Map<string, Slot>();
  private readonly limit: ReturnType<typeof pLimit>;
  private identity: { accountId: string; partition: string } | undefined;
  private readonly foreign = new Set<string>();

  constructor(private readonly options: RescannerOptions) {
    this.limit = pLimit(options.concurrency ?? 4);
  }

  /** Resolves true once what the request names was rescanned, recorded and its changes taken by every sink. */
  request(request: RescanRequest): Promise<boolean> {
    this.stats.requested++;
    if ('bucket' in request) return this.schedule(request.bucket, () => this.rescan(request));
    if (this.isForeign(request.account)) return Promise.resolve(true);
    const targets = planRescans(request, this.options.checks, keyedOperations);
    const account = request.account ?? this.identity?.accountId ?? '';
    return Promise.all(
      targets.map((target) => {
        const key = `${account} ${target.slot}`;
        if ('keyed' in target) return this.schedule(key, () => this.rescanKeyed(target.keyed, request.event));
        const { sweep } = target;
        return this.schedule(
          key,
          (checks) => this.rescanSweep({ ...sweep, checks: [...checks] }, request.event),
          sweep.checks,
        );
      }),
    ).then((accepted) => accepted.every(Boolean));
  }

  /**
   * Runs `work` once the slot's rescan before it is done and the settle time has passed; a request that finds one
   * queued joins it (adding its sweep's checks).
   */
  private schedule(
    key: string,
    work: (checks: ReadonlySet<string>) => Promise<boolean>,
    checks: readonly string[] = [],
  ): Promise<boolean> {
    const slot = this.slots.get(key) ?? {};
    this.slots.set(key, slot);
    if (slot.queued) {
      this.stats.coalesced++;
      for (const id of checks) slot.checks?.add(id);
      return slot.queued;
    }
    const previous = slot.running;
    const joined = new Set(checks);
    slot.checks = joined;
    const run: Promise<boolean> = (previous ?? Promise.resolve(true))
      .catch(() => false)
      .then(() => new Promise((resolve) => setTimeout(resolve, this.options.settleMs ?? 200)))
      .then(async () => {
        slot.queued = undefined;
        slot.checks = undefined;
        slot.running = run;
        try {
          return await this.limit(() => work(joined));
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

  /** An event of an account these credentials do not see: its resources are the next scheduled scan's (or another watch's). */
  private isForeign(account: string | null): boolean {
    if (!this.identity || !account || account === this.identity.accountId) return false;
    if (!this.foreign.has(account)) {
      this.foreign.add(account);
      this.options.log(
        `rescan: events of account ${account} are not rescanned (these credentials are account ${this.identity.accountId})`,
      );
    }
    return true;
  }

  private async rescan(request: Extract<RescanRequest, { bucket: string }>): Promise<boolean> {
    const { bucket } = request;
    if (this.isForeign(request.account)) return true;
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
      const checks = bucketChecks(this.options.checks);
      const report = scanSnapshot(snapshot, checks);
      const results = report.results.filter((r) => r.resource.arn === arn);
      const gone = isGone(collection.snapshot.s3, collection.grouped.s3, bucket);
      const summary = await this.record(
        report,
        snapshot,
        ['s3'],
        checks.map((c) => c.id),
        results,
        {
          resources: [arn],
          ...(gone ? { absent: [arn] } : {}),
        },
      );
      const accepted = await this.notify(summary, results, report.collectedAt);
      this.options.log(
        `rescan: s3://${bucket} after ${request.event ?? 'a change'}: ${gone ? `gone, ${summary.deleted} findings resolved as deleted` : `${summary.opened.length} new, ${summary.closed.length} resolved`} (scan ${summary.scanId})`,
      );
      return accepted;
    } catch (error) {
      this.stats.failed++;
      const message = error instanceof Error ? error.message : String(error);
      this.options.log(`rescan: s3://${bucket} failed (${message.split('\n')[0]}); its message stays on the queue`);
      return false;
    }
  }

  /** The collection a rescan reads: `regions` as planned (a global service: the home region). */
  private async collect(
    services: Parameters<typeof collectAccount>[1],
    region: string,
  ): Promise<AccountCollection['snapshot']> {
    const home = this.options.clients.homeRegion;
    const collection = await collectAccount(this.options.clients, services, new RunState(pLimit(8)), {
      // a grouped service (S3) is swept without its per-resource groups, whose checks are the bucket rule's
      keys: [],
      // none: every region enabled for the account
      regions: region === ALL_REGIONS ? [] : [region === 'global' ? home : region],
      ...(this.identity ? { identity: this.identity } : {}),
    });
    if (collection.fatal) throw collection.fatal;
    this.identity ??= { accountId: collection.snapshot.accountId, partition: collection.snapshot.partition };
    return collection.snapshot;
  }

  /** One resource through its service's keyed read: scoped to its ARN, resolved as deleted when not found. */
  private async rescanKeyed(target: KeyedTarget, event: string | null): Promise<boolean> {
    const what = `${target.service} ${target.read.kind} ${target.key}`;
    try {
      const service = SERVICES.find((s) => s.name === target.service)!;
      const snapshot = await this.collect([keyedService(service, target.read, target.key)], target.region);
      const region = target.region === 'global' ? this.options.clients.homeRegion : target.region;
      const arn = target.read.arn(target.key, { region, accountId: snapshot.accountId, partition: snapshot.partition });
      const sections = snapshot as unknown as Record<string, Record<string, unknown> | undefined>;
      const section = service.scope === 'global' ? sections[service.name] : sections[service.name]?.[region];
      const outcome = keyedOutcome(section as Record<string, unknown> | undefined, target.read);
      const checks = keyedChecks(this.options.checks, service, target.read, keyedOperations(service, target.read));
      if (outcome.outcome === 'failed') {
        // nothing is concluded nor recorded of the resource: its findings stay as they were (as behind a full
        // scan's failed listing), and the next scheduled scan reports the gap
        this.options.log(
          `rescan: ${what} after ${event ?? 'a change'}: unknown (${outcome.error.name}: ${outcome.error.message.split('\n')[0]}), nothing resolved`,
        );
        this.stats.done++;
        return true;
      }
      const report = scanSnapshot(snapshot, checks);
      const results = report.results.filter((r) => r.resource.arn === arn);
      // a narrowed listing that answered without it (DescribeTrails of a name no trail has) also says it is gone
      const listed = resourcesOf(normalise(snapshot), target.read.kind as ResourceKind, service.name).some(
        (r) => r.arn === arn,
      );
      const gone = outcome.outcome === 'gone' || (outcome.outcome === 'read' && !listed);
      const summary = await this.record(
        report,
        snapshot,
        [service.name],
        checks.map((c) => c.id),
        results,
        {
          resources: [arn],
          ...(gone ? { absent: [arn] } : {}),
        },
      );
      const state = gone
        ? `gone, ${summary.deleted} findings resolved as deleted`
        : `${summary.opened.length} new, ${summary.closed.length} resolved`;
      this.options.log(`rescan: ${what} after ${event ?? 'a change'}: ${state} (scan ${summary.scanId})`);
      return await this.notify(summary, results, report.collectedAt);
    } catch (error) {
      return this.failed(what, error);
    }
  }

  /** A service collected whole in a region (or every region, or once when global): its triggered checks there. */
  private async rescanSweep(target: SweepTarget, event: string | null): Promise<boolean> {
    const where = target.region === ALL_REGIONS ? 'every region' : target.region;
    const what = `${target.service} in ${where}`;
    try {
      const ids = new Set(target.checks);
      const checks = this.options.checks.filter((c) => ids.has(c.id));
      const needs = checks.flatMap((c) => c.needs as readonly string[]);
      const services = SERVICES.filter((s) => target.services.includes(s.name)).map((s) =>
        serviceSubset(
          s,
          needs.filter((n) => n.startsWith(`${s.name}:`)).map((n) => n.slice(s.name.length + 1)),
        ),
      );
      const snapshot = await this.collect(services, target.region);
      const report = scanSnapshot(snapshot, checks);
      // no resource scope: the service was listed whole there, so what is absent from it is gone
      const summary = await this.record(report, snapshot, target.services, target.checks, report.results, {});
      this.options.log(
        `rescan: ${what} (${checks.length} checks) after ${event ?? 'a change'}: ${summary.opened.length} new, ${summary.closed.length} resolved, ${summary.deleted} deleted (scan ${summary.scanId})`,
      );
      return await this.notify(summary, report.results, report.collectedAt);
    } catch (error) {
      return this.failed(what, error);
    }
  }

  private record(
    report: ReturnType<typeof scanSnapshot>,
    snapshot: AccountCollection['snapshot'],
    services: readonly string[],
    checks: readonly string[],
    results: readonly Result[],
    scope: Pick<ScanRecord, 'resources' | 'absent'>,
  ) {
    return recordScan(this.options.store, {
      source: 'watch rescan',
      startedBy: localUser(),
      startedAt: report.generatedAt,
      collectedAt: report.collectedAt,
      partial: report.partial,
      snapshotDigest: snapshotDigest(snapshot),
      services,
      checks,
      results,
      ...scope,
    });
  }

  private async notify(
    summary: Awaited<ReturnType<typeof recordScan>>,
    results: readonly Result[],
    collectedAt: string,
  ): Promise<boolean> {
    this.stats.opened += summary.opened.length;
    this.stats.closed += summary.closed.length;
    const accepted = await Promise.all(changeNotices(summary, results, collectedAt).map((n) => this.options.notify(n)));
    this.stats.done++;
    return accepted.every(Boolean);
  }

  /**
   * A rescan that could not run. Refused access (the credentials, or a listing a sweep needs) will be refused again:
   * the store keeps what it had (nothing is resolved) and the next scheduled scan reports the gap, so the message
   * is let go rather than redelivered forever. Anything else (network, an outage) is retried with the message.
   */
  private failed(what: string, error: unknown): boolean {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    if (error instanceof AwsAccessError) {
      this.stats.refused++;
      this.options.log(
        `rescan: ${what} not possible (${error.awsErrorName}: ${message}); left to the next scheduled scan`,
      );
      return true;
    }
    this.stats.failed++;
    this.options.log(`rescan: ${what} failed (${message}); its message stays on the queue`);
    return false;
  }
}
