/** An AWS SDK error as a delivery outcome: throttling and server faults are retried, the rest is final. */
import { redact } from '../errors.ts';
import type { Outcome } from './transport.ts';

/** Throttling and server-side names across SNS, EventBridge, CloudWatch Logs and Security Hub. */
const TRANSIENT = new Set([
  'ThrottlingException',
  'ThrottledException',
  'Throttling',
  'TooManyRequestsException',
  'LimitExceededException',
  'KMSThrottlingException',
  'RequestLimitExceeded',
  'InternalErrorException',
  'InternalException',
  'InternalFailure',
  'InternalServerException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);

export function awsErrorName(error: unknown): string {
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  if (typeof e.name === 'string' && e.name !== 'Error') return e.name;
  return e.$metadata?.httpStatusCode ? `HTTP${e.$metadata.httpStatusCode}` : 'UnknownError';
}

export function isTransientName(name: string): boolean {
  return TRANSIENT.has(name);
}

/** `ThrottlingException on sns:Publish: Rate exceeded`, retried when transient or a 429/5xx. */
export function awsOutcome(error: unknown, operation: string): Outcome {
  const name = awsErrorName(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const message = redact(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  const reason = `${name} on ${operation}${message && message !== name ? `: ${message}` : ''}`;
  // network errors carry no HTTP status: worth another try like a 5xx
  const network = status === undefined && (error as { code?: unknown }).code !== undefined;
  if (TRANSIENT.has(name) || network || (status !== undefined && (status === 429 || status >= 500)))
    return { status: 'retry', reason };
  return { status: 'failed', reason };
}

/** Every notice of a batch met the same fate (the whole call failed). */
export function allOf(count: number, outcome: Outcome): Outcome[] {
  return Array.from({ length: count }, () => outcome);
}
