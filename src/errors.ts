import { describeAddonLoadFailure } from './native-addon.ts';

/**
 * The project's error family. Only `src/cli/main.ts` turns these into exit codes
 * (see `exitCodeFor`), so every other module throws and never exits.
 */

export interface Location {
  /** file the bad input came from */
  file?: string;
  /** 1-based line in that file */
  line?: number;
  /** 1-based column in that file */
  column?: number;
  /** field or JSON path inside the input, e.g. `s3.buckets.logs.GetBucketPolicy` */
  field?: string;
}

/** Bad input or usage: the user can fix it. Exit code 2. */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly location: Location;

  constructor(message: string, location: Location = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.location = location;
  }

  /** `file:line:col: field: message`, leaving out the parts that are unknown. */
  format(): string {
    const { file, line, column, field } = this.location;
    let where = '';
    if (file) where += file;
    if (file && line) where += `:${line}`;
    if (file && line && column) where += `:${column}`;
    const parts = [where, field ? `${field}` : '', this.message].filter((p) => p !== '');
    return parts.join(': ');
  }
}

/** AWS refused or failed in a way that makes the whole run unusable (no credentials, expired token). Exit code 2. */
export class AwsAccessError extends Error {
  override readonly name = 'AwsAccessError';
  readonly awsErrorName: string;
  readonly operation: string | undefined;

  constructor(message: string, awsErrorName: string, operation?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.awsErrorName = awsErrorName;
    this.operation = operation;
  }
}

/** The user stopped the run (Ctrl-C) before anything worth writing was collected. Exit code 130. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
}

/** A bug in cloudwarden. Exit code 3. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  internal: 3,
  /** the run finished but some objects could not be read or acted on (verdict `error`), and nothing was infected */
  incomplete: 4,
  /** 128 + SIGINT, as shells report a command stopped by Ctrl-C */
  interrupted: 130,
} as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof UserError || error instanceof AwsAccessError) return EXIT.usage;
  // a native addon built for another Node.js: the user's install, fixed by the command the message names
  if (describeAddonLoadFailure(error) !== undefined) return EXIT.usage;
  if (error instanceof InterruptedError) return EXIT.interrupted;
  return EXIT.internal;
}

/** One line for the terminal; never a stack trace for errors the user can act on. */
export function describeError(error: unknown): string {
  if (error instanceof UserError) return `error: ${error.format()}`;
  if (error instanceof InterruptedError) return error.message;
  if (error instanceof AwsAccessError) {
    const op = error.operation ? ` (${error.operation})` : '';
    return `error: AWS ${error.awsErrorName}${op}: ${redact(error.message)}`;
  }
  const addon = describeAddonLoadFailure(error);
  if (addon !== undefined) return `error: ${addon}`;
  if (error instanceof Error) return `internal error: ${redact(error.message)} (please report this bug)`;
  return `internal error: ${redact(String(error))}`;
}

const SECRET_PATTERNS: RegExp[] = [
  /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /(aws_secret_access_key|SecretAccessKey|aws_session_token|SessionToken)(["'\s:=]+)[A-Za-z0-9/+=]{16,}/gi,
];

/** Credentials never reach the terminal, a log or a report. */
export function redact(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match, p1: string, p2?: string) =>
      p2 === undefined ? `${p1}****************` : `${p1}${p2}[redacted]`,
    );
  }
  return out;
}
