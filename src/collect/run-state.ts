import { setMaxListeners } from 'node:events';
import type { AwsAccessError } from '../errors.ts';

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

/** Shared by every region of one account's collection: the limit, the counters, the stop switch. */
export class RunState {
  readonly controller = new AbortController();
  readonly stats: CallStats = { calls: 0, errors: 0, retried: 0, throttled: 0 };
  fatal: AwsAccessError | undefined;

  constructor(
    readonly limit: Limit,
    signal?: AbortSignal,
  ) {
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

/** API calls in flight at once unless `--concurrency` says otherwise. */
export const DEFAULT_CONCURRENCY = 16;
