import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import picomatch from 'picomatch';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { UserError } from '../errors.ts';

/** One accepted risk, as read from `accept.yaml` or `.trivyignore`, with the place it was written. */
export interface AcceptEntry {
  file: string;
  line: number;
  /** the id or alias as the user wrote it */
  check: string;
  /** every check id the id or alias names (an alias may name several) */
  checkIds: string[];
  reason: string;
  /** ARN globs; absent means every resource */
  resources?: string[];
  accounts?: string[];
  regions?: string[];
  /** the "zone": resources whose tags have all of these values (values may be globs) */
  tags?: Record<string, string>;
  /** last day the acceptance applies, YYYY-MM-DD (UTC) */
  expires?: string;
  acceptedBy?: string;
}

/** Resolves a check id or alias to the ids of the checks it names; empty when it names none. */
export type CheckResolver = (idOrAlias: string) => string[];

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .refine((value) => isCalendarDate(value), { message: 'is not a date: write YYYY-MM-DD, e.g. 2026-12-31' });

const entrySchema = z.strictObject({
  check: z.string({ error: 'is required: name a check id or alias' }).min(1, 'is required: name a check id or alias'),
  reason: z
    .string({ error: 'is required: say why the risk is accepted' })
    .trim()
    .min(1, 'is required: say why the risk is accepted'),
  resources: z.array(z.string()).optional(),
  // exactly as written (see accountsAsWritten): an id is never padded, so a typo like 12345 is an error, not 000000012345
  accounts: z
    .array(
      z
        .string({ error: 'is not an AWS account id: write 12 digits' })
        .regex(/^\d{12}$/, 'is not an AWS account id: write 12 digits'),
    )
    .optional(),
  regions: z.array(z.string().min(1)).optional(),
  tags: z.record(z.string(), scalar).optional(),
  expires: isoDate.optional(),
  accepted_by: scalar.optional(),
});

/**
 * The entry as data, with each unquoted account id as its source text: YAML reads `012345678901` as the number
 * 12345678901, and only the text says whether a leading zero was written.
 */
function accountsAsWritten(item: YAMLMap): unknown {
  const json = item.toJSON() as Record<string, unknown>;
  const accounts = item.get('accounts', true);
  if (isSeq(accounts)) {
    json.accounts = accounts.items.map((node) =>
      isScalar(node) && typeof node.value === 'number' && node.source !== undefined
        ? node.source
        : ((node as Node | null)?.toJSON() as unknown),
    );
  }
  return json;
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A glob that picomatch compiles strictly and that can match an ARN (`arn:…` or `*`); `example` is shown when it is not one. */
export function globProblem(glob: string, example = 'arn:aws:s3:::logs-*'): string | undefined {
  if (glob === '*') return undefined;
  if (!glob.startsWith('arn:')) return `"${glob}" is not an ARN glob (write e.g. "${example}")`;
  try {
    picomatch.makeRe(glob, { strictBrackets: true });
    return undefined;
  } catch (error) {
    return `"${glob}" is not a valid glob: ${(error as Error).message}`;
  }
}

function lineOf(node: Node | null | undefined, counter: LineCounter, fallback: number): number {
  const start = node?.range?.[0];
  return start === undefined ? fallback : counter.linePos(start).line;
}

function fieldLine(map: YAMLMap, path: readonly PropertyKey[], counter: LineCounter, fallback: number): number {
  let node: unknown = map;
  for (const key of path) {
    if (isMap(node)) node = node.items.find((pair) => (pair.key as { value?: unknown } | null)?.value === key)?.value;
    else if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else break;
  }
  return lineOf(node as Node | undefined, counter, fallback);
}

/**
 * Reads an accept file (`accept.yaml`: a YAML list of entries). Every problem is a `UserError`
 * naming `file:line`, so a typo never silently accepts more (or less) than intended.
 */
export function parseAcceptYaml(text: string, file: string, resolve: CheckResolver): AcceptEntry[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const [syntax] = doc.errors;
  if (syntax)
    throw new UserError(syntax.message.split('\n')[0] ?? 'invalid YAML', {
      file,
      line: counter.linePos(syntax.pos[0]).line,
    });
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) {
    throw new UserError('an accept file is a YAML list of entries (each starting with "- check:")', {
      file,
      line: lineOf(doc.contents, counter, 1),
    });
  }
  return doc.contents.items.map((item) => {
    const line = lineOf(item, counter, 1);
    if (!isMap(item)) throw new UserError('each entry is a mapping with at least check and reason', { file, line });
    const parsed = entrySchema.safeParse(accountsAsWritten(item));
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const path = issue?.path ?? [];
      const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const field = unknownKey ?? path.map(String).join('.');
      const message = unknownKey
        ? `unknown field (use check, reason, resources, accounts, regions, tags, expires, accepted_by)`
        : (issue?.message ?? 'invalid entry');
      const at = unknownKey ? fieldLine(item, [unknownKey], counter, line) : fieldLine(item, path, counter, line);
      throw new UserError(message, { file, line: at, field: field || undefined });
    }
    const entry = parsed.data;
    const checkIds = resolve(entry.check);
    if (checkIds.length === 0) {
      throw new UserError(`unknown check id or alias "${entry.check}" (see \`cloudwarden checks list\`)`, {
        file,
        line: fieldLine(item, ['check'], counter, line),
        field: 'check',
      });
    }
    entry.resources?.forEach((glob, index) => {
      const problem = globProblem(glob);
      if (problem)
        throw new UserError(problem, {
          file,
          line: fieldLine(item, ['resources', index], counter, line),
          field: 'resources',
        });
    });
    const result: AcceptEntry = { file, line, check: entry.check, checkIds, reason: entry.reason };
    if (entry.resources) result.resources = entry.resources;
    if (entry.accounts) result.accounts = entry.accounts;
    if (entry.regions) result.regions = entry.regions;
    if (entry.tags) result.tags = entry.tags;
    if (entry.expires) result.expires = entry.expires;
    if (entry.accepted_by) result.acceptedBy = entry.accepted_by;
    return result;
  });
}

export interface TrivyIgnoreResult {
  entries: AcceptEntry[];
  /** ids that name no cloudwarden check: trivy ignore lists cover other scanners' ids too */
  warnings: string[];
}

/**
 * Reads trivy's `.trivyignore`: one id per line, `#` comments, optional `exp:YYYY-MM-DD`.
 * The comment lines right above an id (or after it on the same line) become its reason, so a
 * list that documents why each id is ignored keeps that reason in every report.
 */
export function parseTrivyIgnore(text: string, file: string, resolve: CheckResolver): TrivyIgnoreResult {
  const entries: AcceptEntry[] = [];
  const warnings: string[] = [];
  let comments: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') {
      comments = [];
      return;
    }
    if (trimmed.startsWith('#')) {
      comments.push(trimmed.replace(/^#+\s*/, ''));
      return;
    }
    const hash = trimmed.indexOf('#');
    const body = (hash >= 0 ? trimmed.slice(0, hash) : trimmed).trim();
    const trailing = hash >= 0 ? trimmed.slice(hash).replace(/^#+\s*/, '') : '';
    const [id = '', ...options] = body.split(/\s+/);
    let expires: string | undefined;
    for (const option of options) {
      const match = /^exp:(.*)$/.exec(option);
      if (!match)
        throw new UserError(`unexpected "${option}" after the id (only exp:YYYY-MM-DD is allowed)`, { file, line });
      if (!isCalendarDate(match[1] ?? '')) {
        throw new UserError(`"${match[1]}" is not a date: write exp:YYYY-MM-DD`, { file, line, field: 'exp' });
      }
      expires = match[1];
    }
    const reason = [...comments, trailing].filter((c) => c !== '').join(' ') || `listed in ${basename(file)}`;
    comments = [];
    const checkIds = resolve(id);
    if (checkIds.length === 0) {
      warnings.push(`${file}:${line}: ${id} names no cloudwarden check; the line is ignored`);
      return;
    }
    const entry: AcceptEntry = { file, line, check: id, checkIds, reason };
    if (expires) entry.expires = expires;
    entries.push(entry);
  });
  return { entries, warnings };
}

/** `.trivyignore`-style files are recognised by name; everything else is YAML. */
export function isTrivyIgnoreFile(file: string): boolean {
  return basename(file).startsWith('.trivyignore') || basename(file).endsWith('.trivyignore');
}

export async function loadAcceptFile(file: string, resolve: CheckResolver): Promise<TrivyIgnoreResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'accept file not found' : `cannot read accept file (${code ?? 'error'})`, {
      file,
    });
  }
  if (isTrivyIgnoreFile(file)) return parseTrivyIgnore(text, file, resolve);
  return { entries: parseAcceptYaml(text, file, resolve), warnings: [] };
}
