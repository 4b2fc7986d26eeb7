/**
 * The detection pipeline: units of input (files, objects, streams) from the sources, matched inline or on a
 * worker-thread pool, results put back in input order, alerts handed to the sinks, bad input counted and reported
 * once per input. Memory stays flat: a bounded number of units is in flight, a stream is cut into bounded batches.
 */
import { UserError } from '../../errors.ts';
import type { Alert, Matcher } from '../engine/types.ts';
import type { AlertHandoff } from '../sinks/alert-sink.ts';
import type { StatefulStage } from '../stateful/stage.ts';
import type { MatcherRecipe } from './matcher-recipe.ts';
import { splitBytesInto } from './stream-batches.ts';
import { DetectionStats } from './stats.ts';
import type { BadRecord, TaskResult } from './task-result.ts';
import { describePlace, emptyResult, runTask, type Task } from './task.ts';
import { WorkerPool } from './worker-pool.ts';

export interface UnitOutcome {
  /**
   * every byte was read (bad records may still have been found) and every alert was accepted by every sink:
   * the input is done and need not be read again
   */
  complete: boolean;
  bad: number;
  /** alerts of this input that a sink did not accept (absent when there were none): `complete` is false */
  undelivered?: number;
}

/** One input as a source hands it over: exactly one of task, stream, failure. */
export interface DetectionUnit {
  /** file path, s3:// URI, `-`: names the input in problem reports */
  label: string;
  task?: Task;
  /** bytes read on the main thread (stdin, a large object), cut into batches of records */
  stream?: AsyncIterable<Uint8Array>;
  /** the input could not be read at all (e.g. GetObject AccessDenied): counted as one bad input */
  failure?: string;
  /** input size in bytes when known: decides when starting the worker threads pays off */
  size?: number;
  /**
   * called once every alert of the unit was accepted or given up by the sinks (checkpoint, SQS delete),
   * in the order the units came
   */
  settle?: (outcome: UnitOutcome) => Promise<void> | void;
}

export interface DetectionOptions {
  /** the main thread's matcher, for inline runs */
  matcher: Matcher;
  /** how a worker builds the same matcher; without it everything runs inline */
  recipe?: MatcherRecipe;
  /** worker threads to start, besides the main thread, once the input is big enough (0: main thread only) */
  workers: number;
  /** input bytes after which the worker threads start (they take a few hundred ms to boot) */
  workerThresholdBytes?: number;
  strict: boolean;
  /**
   * decides, in input order, which matches of stateful rules are alerts (src/detect/stateful/); without it a
   * stateful rule's matches are dropped, never passed on uncounted
   */
  stateful?: StatefulStage;
  /** alerts outside --since/--until are dropped here */
  keepAlert?: (alert: Alert) => boolean;
  /** awaited before the next alert (backpressure); a handoff's `accepted` decides the unit's outcome, none means accepted */
  onAlert: (alert: Alert) => Promise<AlertHandoff | void> | AlertHandoff | void;
  /** one line per input with bad records, first bad record named */
  onProblem: (line: string) => void;
  /** aborted when the run fails, so that a waiting source (an SQS long poll) stops */
  controller?: AbortController;
  /** counters to fill, for a caller that reads them while the run goes on (watch's /metrics) */
  stats?: DetectionStats;
}

// An hour of one busy account (240 k events, ~45 MB gzip'd) runs faster on the main thread alone: the workers' start-up
// and the hand-over cost more than a second core gains at that size (bench/results/detect-hour.md).
const DEFAULT_WORKER_THRESHOLD = 64 * 1024 * 1024;
/** units whose alerts are all handed on but not all accepted yet; beyond it matching waits for the sinks */
const MAX_UNSETTLED = 256;

interface Entry {
  unit: DetectionUnit;
  result: Promise<TaskResult>;
  /** the unit's last entry: settle after it */
  last: boolean;
  state: UnitState;
}

/** One unit's outcome so far, and its alerts the sinks have not answered for yet. */
class UnitState {
  readonly outcome: UnitOutcome = { complete: true, bad: 0 };
  /** bad records already named in a problem line: a stream's later batches may find more */
  badReported = 0;
  private pending = 0;
  private undelivered = 0;
  private wake: (() => void) | undefined;

  track(accepted: Promise<boolean>): void {
    this.pending++;
    void accepted
      .catch(() => false)
      .then((ok) => {
        if (!ok) this.undelivered++;
        if (--this.pending === 0) this.wake?.();
      });
  }

  async final(): Promise<UnitOutcome> {
    while (this.pending > 0) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.undelivered > 0) {
      this.outcome.complete = false;
      this.outcome.undelivered = this.undelivered;
    }
    return this.outcome;
  }
}

export async function runDetection(
  units: AsyncIterable<DetectionUnit>,
  options: DetectionOptions,
): Promise<DetectionStats> {
  const stats = options.stats ?? new DetectionStats();
  const threshold = options.workerThresholdBytes ?? DEFAULT_WORKER_THRESHOLD;
  const taskOptions = { strict: options.strict };
  let pool: WorkerPool | undefined;
  let bytesSeen = 0;
  let inlineRunning = 0;
  // The main thread matches too (one task at a time, between its other chores): with N cores, N-1 workers
  // keep every core busy and save a worker's memory.
  const execute = (task: Task, size: number): Promise<TaskResult> => {
    bytesSeen += size;
    if (!pool && options.recipe && options.workers > 0 && bytesSeen >= threshold) {
      pool = new WorkerPool(options.workers, { recipe: options.recipe, options: taskOptions });
    }
    if (pool && inlineRunning > 0) return pool.run(task);
    inlineRunning++;
    return runTask(task, options.matcher, taskOptions).finally(() => inlineRunning--);
  };
  const queue = new OrderedQueue<Entry>(Math.max(4, options.workers * 3 + 3));
  const reported = new Set<string>();

  const produce = async (): Promise<void> => {
    for await (const unit of units) {
      if (queue.failed) return;
      const state = new UnitState();
      const put = (result: Promise<TaskResult>, last: boolean): Promise<void> => {
        result.catch(() => undefined); // awaited in order by the consumer; never an unhandled rejection meanwhile
        return queue.put({ unit, result, last, state });
      };
      if (unit.failure !== undefined) {
        await put(
          Promise.resolve({
            ...emptyResult(),
            bad: 1,
            firstBad: { reason: unit.failure, place: { index: -1 } },
            complete: false,
          }),
          true,
        );
      } else if (unit.task) {
        await put(execute(unit.task, unit.size ?? 0), true);
      } else if (unit.stream) {
        let pendingBatch: Task | undefined;
        let pendingSize = 0;
        await splitBytesInto(unit.stream, async (batch, size, readFailed) => {
          if (readFailed) state.outcome.complete = false;
          if (pendingBatch) await put(execute(pendingBatch, pendingSize), false);
          pendingBatch = batch;
          pendingSize = size;
          return !queue.failed;
        });
        await put(pendingBatch ? execute(pendingBatch, pendingSize) : Promise.resolve(emptyResult()), true);
      }
    }
  };

  const stop = (error: unknown): void => {
    queue.fail(error);
    options.controller?.abort();
  };
  // Units settle in order, each once its alerts are accepted, while matching goes on: a slow sink delays the
  // SQS delete or the checkpoint, not the reading.
  let settling: Promise<void> = Promise.resolve();
  let unsettled = 0;
  const settleInOrder = (settle: DetectionUnit['settle'], state: UnitState): void => {
    unsettled++;
    settling = settling.then(async () => {
      const outcome = await state.final();
      unsettled--;
      await settle?.(outcome);
    });
    settling.catch(stop);
  };

  const consume = async (): Promise<void> => {
    for (;;) {
      const entry = await queue.take();
      if (!entry) return;
      const result = await entry.result;
      stats.add(result);
      if (!result.complete) entry.state.outcome.complete = false;
      entry.state.outcome.bad += result.bad;
      const { alerts, stateful } = result;
      let next = 0;
      for (let i = 0; i <= alerts.length; i++) {
        // the stateful matches placed before this alert, in order; without a stage they are dropped, never passed on
        while (stateful !== undefined && next < stateful.length && stateful[next]!.before <= i) {
          const match = stateful[next++]!;
          const alert = options.stateful?.process(match);
          if (alert !== undefined) await deliver(alert, entry.state);
        }
        if (i < alerts.length) await deliver(alerts[i]!, entry.state);
      }
      if (result.firstBad) reportBad(entry.unit.label, result.firstBad, result.bad, entry.state);
      if (entry.last) {
        // a stream cut into batches: the line above counted its first bad batch only
        const more = entry.state.outcome.bad - entry.state.badReported;
        if (entry.state.badReported > 0 && more > 0)
          options.onProblem(`${entry.unit.label}: ${entry.state.outcome.bad} bad records in this input in all`);
        stats.files++;
        settleInOrder(entry.unit.settle, entry.state);
        if (unsettled >= MAX_UNSETTLED) await settling;
      }
    }
  };

  const deliver = async (alert: Alert, state: UnitState): Promise<void> => {
    if (options.keepAlert && !options.keepAlert(alert)) return;
    stats.alerts++;
    const handoff = await options.onAlert(alert);
    if (handoff) state.track(handoff.accepted);
  };

  const reportBad = (label: string, bad: BadRecord, count: number, state: UnitState): void => {
    const where = describePlace(bad.place);
    const line = `${label}${where ? `: ${where}` : ''}: ${bad.reason}`;
    if (options.strict) throw new UserError(`${line} (--strict: stopping at the first bad record)`);
    if (reported.has(label)) return;
    reported.add(label);
    state.badReported = state.outcome.bad;
    options.onProblem(count > 1 ? `${line} (${count} bad records in this input)` : line);
  };

  try {
    await Promise.all([
      produce().then(
        () => queue.close(),
        (error: unknown) => queue.fail(error),
      ),
      consume().catch(stop),
    ]);
    // units matched before a failure are still settled once their alerts are accepted: they are done
    await settling.catch(() => undefined);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a unit threw, passed on as it was
    if (queue.failure !== undefined) throw queue.failure;
  } finally {
    stats.finish();
    await pool?.close();
  }
  return stats;
}

/** Single producer, single consumer, bounded, in order; a failure on either side releases the other. */
class OrderedQueue<T> {
  private readonly items: T[] = [];
  private closed = false;
  failed = false;
  failure: unknown;
  private wakeConsumer: (() => void) | undefined;
  private wakeProducer: (() => void) | undefined;

  constructor(private readonly capacity: number) {}

  async put(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.failed)
      await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    if (this.failed) return;
    this.items.push(item);
    this.wake('consumer');
  }

  async take(): Promise<T | undefined> {
    while (this.items.length === 0) {
      if (this.closed || this.failed) return undefined;
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
    if (this.failed) return undefined;
    const item = this.items.shift();
    this.wake('producer');
    return item;
  }

  close(): void {
    this.closed = true;
    this.wake('consumer');
  }

  fail(error: unknown): void {
    if (!this.failed) {
      this.failed = true;
      this.failure = error;
    }
    this.wake('consumer');
    this.wake('producer');
  }

  private wake(side: 'consumer' | 'producer'): void {
    const wake = side === 'consumer' ? this.wakeConsumer : this.wakeProducer;
    if (side === 'consumer') this.wakeConsumer = undefined;
    else this.wakeProducer = undefined;
    wake?.();
  }
}
