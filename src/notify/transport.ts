/** What every sink implements: send a batch of notices, and say per notice what became of it. */
import type { Notice } from './notice.ts';

/**
 * `ok`: the sink took it. `retry`: worth another try (network, throttling, 5xx), after `retryAfterMs` when the
 * sink said so. `failed`: the sink refused it and would refuse it again (a 4xx, an invalid parameter).
 */
export type Outcome =
  { status: 'ok' } | { status: 'retry'; reason: string; retryAfterMs?: number } | { status: 'failed'; reason: string };

export interface Transport {
  /** the sink kind, first word of every line about it: `webhook`, `slack`, `sns`… */
  readonly label: string;
  /** the target as it may be printed (webhook URLs are redacted) */
  readonly shown: string;
  /** notices per request (SNS and webhooks 1, EventBridge 10, Security Hub 100, CloudWatch Logs 10,000) */
  readonly maxBatch: number;
  /** requests in flight at once */
  readonly concurrency: number;
  /**
   * How many of `notices` (from the first, at least one) fit in one request under the service's byte limit;
   * absent when only `maxBatch` limits a request.
   */
  fitting?(notices: readonly Notice[]): number;
  /** one outcome per notice, in order; throws only on a bug */
  send(notices: readonly Notice[]): Promise<Outcome[]>;
}
