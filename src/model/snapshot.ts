import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { UserError } from '../errors.ts';
import { writeOutputFile } from '../report/write-file.ts';
import { SNAPSHOT_FORMAT, snapshotSchema, type Snapshot } from './snapshot-schema.ts';

export { SNAPSHOT_FORMAT, type Snapshot } from './snapshot-schema.ts';

/** Reads and validates a snapshot file; every problem is one `UserError` naming the file and JSON path. */
export async function readSnapshot(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'no such file' : `cannot read file (${code ?? String(error)})`, { file });
  }
  return parseSnapshot(text, file);
}

export function parseSnapshot(text: string, file = '<snapshot>'): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorPosition(text, error as Error);
    throw new UserError(`invalid JSON: ${jsonErrorMessage(error as Error)}`, { file, line, column });
  }
  return validateSnapshot(data, file);
}

export function validateSnapshot(data: unknown, file = '<snapshot>'): Snapshot {
  if (data && typeof data === 'object' && 'cloudwarden' in data && data.cloudwarden !== SNAPSHOT_FORMAT) {
    throw new UserError(
      `unsupported snapshot version ${JSON.stringify(data.cloudwarden)} (this cloudwarden reads "${SNAPSHOT_FORMAT}")`,
      { file, field: 'cloudwarden' },
    );
  }
  const result = snapshotSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = mostSpecificIssue(result.error.issues, data);
  throw new UserError(issue.message, { file, field: formatPath(issue.path) || '(top level)' });
}

export async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await writeOutputFile(file, `${JSON.stringify(snapshot, null, 2)}\n`, '--snapshot-out');
}

type Issue = z.core.$ZodIssue;

/** Zod reports a failed union as one issue; the user wants the branch their value was meant to be. */
function mostSpecificIssue(issues: readonly Issue[], root: unknown): { message: string; path: PropertyKey[] } {
  const first = issues[0];
  if (!first) return { message: 'invalid snapshot', path: [] };
  if (first.code === 'invalid_union' && first.errors.length > 0) {
    const value = valueAt(root, first.path);
    const isErrorRecord = value !== null && typeof value === 'object' && 'error' in value;
    const branch = (isErrorRecord ? first.errors[0] : first.errors[first.errors.length - 1]) ?? [];
    const inner = mostSpecificIssue(branch, value);
    return { message: inner.message, path: [...first.path, ...inner.path] };
  }
  if (first.code === 'unrecognized_keys') {
    return { message: `unknown field ${first.keys.map((k) => JSON.stringify(k)).join(', ')}`, path: first.path };
  }
  return { message: first.message, path: first.path };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** V8 sometimes quotes the whole input in its message; one line is what the user needs. */
export function jsonErrorMessage(error: Error): string {
  return error.message.replace(/, ".*" is not valid JSON$/s, '').replace(/\s+/g, ' ');
}

/** Turns V8's "at position N" into a line and column for the error message. */
export function jsonErrorPosition(text: string, error: Error): { line?: number; column?: number } {
  const match = /position (\d+)/.exec(error.message);
  const atEnd = /end of JSON input/.test(error.message);
  if (!match && !atEnd) return {};
  const offset = match ? Number(match[1]) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}
