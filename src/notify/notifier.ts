/**
 * The sink layer: each configured sink is a lane with its own queue, retries and failure state, so a sink that is
 * slow or down never holds up the others. A notice goes to every lane whose route takes it, unless the lane sent
 * the same fingerprint within the suppression window. With a spool, each notice is on disk before it is sent and
 * replayed at the next start until the sink took it.
 *
 * Retries: `retry` outcomes (network, throttling, 5xx) are sent again after an exponential backoff, or after the
 * sink's Retry-After when longer (up to a cap: a longer one ends the tries). After a notice failed all its tries the
 * sink is taken as down for `cooldownMs`: notices in that time fail at once, so a dead sink costs one notice's
 * retries, not every notice's. Nothing is dropped silently: every notice not delivered is counted in `failure()`.
 */
import type { AlertHandoff, AlertSink } from '../detect/sinks/alert-sink.ts';
import type { Alert } from '../detect/engine/types.ts';
import { alertNotice, type Notice, type NoticeKind } from './notice.ts';
import { Deduper } from './dedup.ts';
import { routeTest, type Route, type RouteTest } from './routing.ts';
import { sinkKey, Spool } from './spool.ts';
import type { Outcome, Transport } from './transport.ts';

export interface SinkSetup {
  /** `KIND:TARGET` as given: names the sink in the spool (hashed) */
  spec: string;
  transport: Transport;
  route?: Route;
}

export interface NotifierOptions {
  sinks: SinkSetup[];
  /** directory of the disk spool; without it, notices live in memory only */
  spoolDir?: string;
  /** a fingerprint sent within this window is not sent again (default 1 hour; 0: no de-duplication) */
  dedupWindowMs?: number;
  /** tries per notice, the first included */
  maxAttempts?: number;
  /** wait before the first retry; doubled for each next one */
  baseDelayMs?: number;
  /** the longest Retry-After waited for */
  maxRetryAfterMs?: number;
  /** after a notice failed all its tries: how long later notices fail without a request */
  cooldownMs?: number;
  /** notices waiting per sink; `notify` waits beyond it */
  maxQueue?: number;
  now?: () => number;
  /** the backoff sleep (tests record the delays instead of waiting) */
  sleep?: (ms: number) => Promise<void>;
  /** one-line notes (spool replay) */
  log?: (line: string) => void;
}

export interface NoticeHandoff {
  /** true once every sink that takes the notice took it; false when one gave up */
  accepted: Promise<boolean>;
}

interface Job {
  notice: Notice;
  seq: number | undefined;
  done: (accepted: boolean) => void;
}

const NOUN: Record<NoticeKind, string> = {
  alert: 'alert',
  'finding-new': 'finding',
  'finding-resolved': 'finding',
  malware: 'verdict',
};

class Lane {
  readonly key: string;
  readonly takes: RouteTest;
  readonly dedup: Deduper;
  private readonly waiting: Job[] = [];
  private inFlight = 0;
  private readonly roomWaiters: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private downUntil = 0;
  private lastReason = '';
  private sent = 0;
  private failed = 0;
  private suppressed = 0;
  private replayed = 0;
  /** failed for now but still in the spool: sent again at the next start */
  private kept = 0;
  private readonly failedKinds = new Set<string>();

  constructor(
    setup: SinkSetup,
    private readonly transport: Transport,
    private readonly options: Required<Omit<NotifierOptions, 'spoolDir' | 'log' | 'sinks'>>,
    private readonly spool: Spool | undefined,
  ) {
    this.key = sinkKey(setup.spec);
    this.takes = routeTest(setup.route ?? {});
    this.dedup = new Deduper(options.dedupWindowMs, options.now);
  }

  /** Resolves once the lane has room (backpressure); `accepted` settles with the delivery. */
  async offer(notice: Notice): Promise<NoticeHandoff> {
    const earlier = this.dedup.earlier(notice.fingerprint);
    if (earlier) {
      this.suppressed++;
      return { accepted: earlier };
    }
    while (this.waiting.length >= this.options.maxQueue)
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    const spooled = this.spool?.add(this.key, notice);
    const accepted = this.enqueue(notice, spooled?.seq);
    this.dedup.remember(notice.fingerprint, accepted);
    if (!spooled) return { accepted };
    // not accepted before it is on disk: a crash before that leaves the input unsettled, not the alert lost
    return {
      accepted: spooled.durable.then(
        () => accepted,
        () => false,
      ),
    };
  }

  replay(notice: Notice, seq: number): void {
    this.replayed++;
    this.dedup.remember(notice.fingerprint, this.enqueue(notice, seq));
  }

  private enqueue(notice: Notice, seq: number | undefined): Promise<boolean> {
    let done!: (accepted: boolean) => void;
    const accepted = new Promise<boolean>((resolve) => (done = resolve));
    this.waiting.push({ notice, seq, done });
    this.pump();
    return accepted;
  }

  async idle(): Promise<void> {
    while (this.inFlight > 0 || this.waiting.length > 0)
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.inFlight < this.transport.concurrency && this.waiting.length > 0) {
      const candidates = this.waiting.slice(0, this.transport.maxBatch);
      const count = Math.min(
        candidates.length,
        Math.max(1, this.transport.fitting?.(candidates.map((j) => j.notice)) ?? candidates.length),
      );
      const batch = this.waiting.splice(0, count);
      for (let i = 0; i < count; i++) this.roomWaiters.shift()?.();
      this.inFlight++;
      void this.deliver(batch).then(() => {
        this.inFlight--;
        this.pump();
        if (this.inFlight === 0 && this.waiting.length === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      });
    }
  }

  private async deliver(jobs: Job[]): Promise<void> {
    let pending = jobs;
    for (let attempt = 1; ; attempt++) {
      if (this.options.now() < this.downUntil) {
        for (const job of pending) this.finish(job, false, true);
        return;
      }
      let outcomes: Outcome[];
      try {
        outcomes = await this.transport.send(pending.map((j) => j.notice));
      } catch (error) {
        // a transport throws only on a bug: the notice is kept (spool) and reported, never lost silently
        const reason = `internal error: ${error instanceof Error ? error.message : String(error)}`;
        outcomes = pending.map(() => ({ status: 'failed', reason }));
      }
      const again: Job[] = [];
      let waitMs = 0;
      for (const [i, job] of pending.entries()) {
        const outcome = outcomes[i] ?? { status: 'retry', reason: 'no outcome' };
        if (outcome.status === 'ok') {
          this.downUntil = 0;
          this.finish(job, true, false);
        } else if (outcome.status === 'failed') {
          this.lastReason = outcome.reason;
          this.finish(job, false, false);
        } else {
          this.lastReason = outcome.reason;
          waitMs = Math.max(waitMs, outcome.retryAfterMs ?? 0);
          again.push(job);
        }
      }
      if (again.length === 0) return;
      const tooLong = waitMs > this.options.maxRetryAfterMs;
      if (attempt >= this.options.maxAttempts || tooLong) {
        if (tooLong)
          this.lastReason += ` with Retry-After ${Math.ceil(waitMs / 1000)} s, beyond the ${this.options.maxRetryAfterMs / 1000} s cap`;
        this.downUntil = this.options.now() + this.options.cooldownMs;
        for (const job of again) this.finish(job, false, true);
        return;
      }
      await this.options.sleep(Math.max(this.options.baseDelayMs * 2 ** (attempt - 1), waitMs));
      pending = again;
    }
  }

  /** `transient`: the sink may take it later, so a spooled notice stays in the spool for the next start. */
  private finish(job: Job, ok: boolean, transient: boolean): void {
    if (ok) this.sent++;
    else {
      this.failed++;
      this.failedKinds.add(NOUN[job.notice.kind]);
    }
    const keep = !ok && transient && job.seq !== undefined && this.spool !== undefined;
    if (keep) this.kept++;
    if (job.seq !== undefined && !keep) void this.spool?.done(job.seq).catch(() => undefined);
    job.done(ok);
  }

  summary(): string {
    let text = `${this.transport.label}: ${this.sent} delivered, ${this.failed} failed`;
    if (this.suppressed > 0) text += `, ${this.suppressed} duplicate${this.suppressed === 1 ? '' : 's'} suppressed`;
    if (this.replayed > 0) text += `, ${this.replayed} replayed from the spool`;
    return text;
  }

  failure(): string | undefined {
    if (this.failed === 0) return undefined;
    const noun = this.failedKinds.size === 1 ? [...this.failedKinds][0]! : 'notification';
    const kept = this.kept > 0 ? `; ${this.kept} kept in the spool for the next run` : '';
    return `${this.transport.label}: ${this.failed} ${noun}${this.failed === 1 ? '' : 's'} not delivered (${this.lastReason} from ${this.transport.shown})${kept}`;
  }
}

export class Notifier {
  private closed: Promise<void> | undefined;

  private constructor(
    private readonly lanes: Lane[],
    private readonly spool: Spool | undefined,
  ) {}

  /** Opens the spool (when configured) and sends again what it held for these sinks. */
  static async open(options: NotifierOptions): Promise<Notifier> {
    const settings = {
      dedupWindowMs: options.dedupWindowMs ?? 3_600_000,
      maxAttempts: options.maxAttempts ?? 5,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      cooldownMs: options.cooldownMs ?? 30_000,
      maxQueue: options.maxQueue ?? 1000,
      now: options.now ?? Date.now,
      sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    };
    const spool = options.spoolDir ? await Spool.open(options.spoolDir) : undefined;
    const lanes = options.sinks.map((setup) => new Lane(setup, setup.transport, settings, spool));
    if (spool) {
      const byKey = new Map(lanes.map((lane) => [lane.key, lane]));
      let elsewhere = 0;
      for (const entry of spool.pending) {
        const lane = byKey.get(entry.sink);
        if (lane) lane.replay(entry.notice, entry.seq);
        else elsewhere++;
      }
      if (spool.damaged > 0)
        options.log?.(
          `spool ${spool.file}: ${spool.damaged} unreadable line(s) skipped (a write cut short by a crash)`,
        );
      if (elsewhere > 0)
        options.log?.(
          `spool ${spool.file}: ${elsewhere} notice(s) for sinks not configured in this run are kept for a run that has them`,
        );
    }
    return new Notifier(lanes, spool);
  }

  get sinkCount(): number {
    return this.lanes.length;
  }

  /** Hands the notice to every sink whose route takes it; `accepted` settles once each of them took it or gave up. */
  async notify(notice: Notice): Promise<NoticeHandoff> {
    const accepted: Promise<boolean>[] = [];
    for (const lane of this.lanes) if (lane.takes(notice)) accepted.push((await lane.offer(notice)).accepted);
    return { accepted: Promise.all(accepted).then((all) => all.every(Boolean)) };
  }

  /**
   * One detection output per sink, for `detect`'s list of outputs: each says its own summary and failure, and the
   * spool closes once the last of them closed.
   */
  alertSinks(): AlertSink[] {
    let open = this.lanes.length;
    return this.lanes.map((lane) => ({
      write: async (alert: Alert): Promise<AlertHandoff> => {
        const notice = alertNotice(alert);
        return lane.takes(notice) ? lane.offer(notice) : { accepted: Promise.resolve(true) };
      },
      close: async () => {
        await lane.idle();
        if (--open === 0) await this.close();
      },
      summary: () => lane.summary(),
      failure: () => lane.failure(),
    }));
  }

  /** Per sink: `webhook: 3 delivered, 0 failed`. */
  summaries(): string[] {
    return this.lanes.map((lane) => lane.summary());
  }

  /** One line per sink that did not deliver everything: how many, the last reason, where. */
  failures(): string[] {
    return this.lanes.flatMap((lane) => lane.failure() ?? []);
  }

  /** Waits until every notice was delivered or given up, then closes the spool. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      for (const lane of this.lanes) await lane.idle();
      await this.spool?.close();
    })();
    return this.closed;
  }
}
