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

/** One raw snapshot entry: the response, a recorded error, or nothing (not collected). */
export type Raw<T> = T | { error: AwsErrorRecord } | undefined;

function isErrorEntry(value: unknown): value is { error: AwsErrorRecord } {
  return value !== null && typeof value === 'object' && 'error' in value;
}

/** Maps one raw snapshot entry to an observation, using `map` for a real response. */
export function observe<R, T>(
  raw: Raw<R>,
  operation: string,
  notConfigured: readonly string[],
  map: (response: R) => Observed<T> | T,
): Observed<T> {
  if (raw === undefined) return { kind: 'missing', operation };
  if (isErrorEntry(raw)) {
    if (notConfigured.includes(raw.error.name)) return { kind: 'absent', errorName: raw.error.name };
    return { kind: 'error', operation, error: raw.error };
  }
  const mapped = map(raw);
  if (
    mapped !== null &&
    typeof mapped === 'object' &&
    'kind' in mapped &&
    isObservedKind((mapped as { kind: unknown }).kind)
  ) {
    return mapped;
  }
  return { kind: 'present', value: mapped as T };
}

function isObservedKind(kind: unknown): boolean {
  return kind === 'present' || kind === 'absent' || kind === 'error' || kind === 'missing';
}
