/**
 * What a collector saw for one API call. The snapshot keeps the raw answer; the normaliser
 * turns it into one of these four cases so that checks cannot confuse "not configured"
 * (a fact) with "could not read" (no verdict possible).
 */
export interface AwsErrorRecord {
  name: string;
  message: string;
}

export type Observed<T> =
  | { kind: 'present'; value: T }
  /** AWS answered "not configured" (e.g. `NoSuchBucketPolicy`): a fact checks decide on. */
  | { kind: 'absent'; errorName: string }
  /** The call failed (AccessDenied, throttling after retries, a parse error of the evidence…). */
  | { kind: 'error'; operation: string; error: AwsErrorRecord }
  /** The snapshot has no key for the operation. */
  | { kind: 'missing'; operation: string };

export function present<T>(value: T): Observed<T> {
  return { kind: 'present', value };
}

/** Human reason for an observation that cannot support a verdict, or undefined when it can. */
export function unreadableReason(observed: Observed<unknown>): string | undefined {
  if (observed.kind === 'error') {
    return `${observed.error.name} on ${observed.operation}${observed.error.message ? `: ${observed.error.message}` : ''}`;
  }
  if (observed.kind === 'missing') return `${observed.operation} was not collected`;
  return undefined;
}
