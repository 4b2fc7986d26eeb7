import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { UserError } from '../errors.ts';
import { CHECKS } from './catalogue.ts';
import type { Check } from './define-check.ts';
import { describeOptions, type CheckOptions } from './options.ts';

/** The sections a config file may have. */
const SECTIONS = ['checks'];

type Path = readonly PropertyKey[];

/** `checks.ec2-sg-no-public-admin-ports.ports[1]` */
function fieldPath(path: Path): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

function keyOf(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

/**
 * The YAML node a path leads to (the key's node when `atKey`: an unknown key is reported where it is
 * written); the deepest node that exists when the path goes further than the document.
 */
function nodeAt(root: unknown, path: Path, atKey: boolean): Node | undefined {
  let node = root;
  let found = isMap(root) || isSeq(root) ? (root as Node) : undefined;
  for (const [i, part] of path.entries()) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => String(keyOf(p.key)) === String(part));
      if (pair && atKey && i === path.length - 1) return pair.key as Node;
      // `key:` with nothing after it has no value node: the key stands for it
      next = pair ? (pair.value ?? pair.key) : undefined;
    } else if (isSeq(node) && typeof part === 'number') {
      next = node.items[part];
    }
    if (next === undefined || next === null) break;
    node = next;
    found = next as Node;
  }
  return found;
}

/**
 * The document as plain data. Aliases are expanded only here, so an alias to no anchor, or aliases that would expand
 * without bound (a "billion laughs" file), fail here: reported at the alias that cannot be resolved, else the first.
 */
function plainData(doc: Document, fail: (message: string, at: Node | undefined) => UserError): unknown {
  try {
    return doc.toJSON();
  } catch (error) {
    let first: Node | undefined;
    let unresolved: Node | undefined;
    visit(doc, {
      Alias(_key, alias) {
        first ??= alias;
        if (alias.resolve(doc) === undefined) {
          unresolved = alias;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    throw fail(error instanceof Error ? error.message : String(error), unresolved ?? first);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function unknownCheckMessage(id: string, checks: readonly Check[]): string {
  const wanted = id.toLowerCase();
  const named = checks.filter(
    (c) => c.aliases.some((a) => a.toLowerCase() === wanted) || c.id.toLowerCase() === wanted,
  );
  if (named.length > 0) return `unknown check id: options are set by check id (${named.map((c) => c.id).join(', ')})`;
  return 'unknown check id (see `cloudwarden checks list`)';
}

function optionNames(check: Check): string {
  return describeOptions(check)
    .map((o) => o.name)
    .join(', ');
}

/**
 * Reads a config file (`--config`): YAML with a `checks:` mapping of check id to that check's options.
 * Every problem is one `UserError` naming `file:line:column` and the field path, so a typo never
 * silently scans with the defaults.
 */
export function parseCheckConfig(text: string, file: string, checks: readonly Check[] = CHECKS): CheckOptions {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const [syntax] = doc.errors;
  if (syntax) {
    const { line, col } = counter.linePos(syntax.pos[0]);
    throw new UserError(syntax.message.split('\n')[0] ?? 'invalid YAML', { file, line, column: col });
  }
  const problem = (message: string, path: Path, atKey = false): UserError => {
    const start = nodeAt(doc.contents, path, atKey)?.range?.[0];
    const position = start === undefined ? { line: 1, col: 1 } : counter.linePos(start);
    return new UserError(message, {
      file,
      line: position.line,
      column: position.col,
      field: fieldPath(path) || undefined,
    });
  };

  const configured = new Map<string, object>();
  if (doc.contents === null) return configured;
  const data = plainData(doc, (message, at) => {
    const { line, col } = counter.linePos(at?.range?.[0] ?? 0);
    return new UserError(message, { file, line, column: col });
  });
  if (!isRecord(data)) throw problem('a config file is a YAML mapping with a "checks:" section', []);
  for (const key of Object.keys(data)) {
    if (!SECTIONS.includes(key)) throw problem(`unknown section (known: ${SECTIONS.join(', ')})`, [key], true);
  }
  const section = data.checks ?? {};
  if (!isRecord(section)) throw problem('expected a mapping of check ids to their options', ['checks']);
  for (const [id, raw] of Object.entries(section)) {
    const check = checks.find((c) => c.id === id);
    if (!check) throw problem(unknownCheckMessage(id, checks), ['checks', id], true);
    if (!check.options) {
      const configurable = checks.filter((c) => c.options).map((c) => c.id);
      throw problem(
        `this check has no options (checks with options: ${configurable.join(', ')})`,
        ['checks', id],
        true,
      );
    }
    // `id:` alone keeps the defaults
    const parsed = check.options.safeParse(raw ?? {});
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const path = ['checks', id, ...(issue?.path ?? [])];
      if (issue?.code === 'unrecognized_keys') {
        throw problem(`unknown option (${id} has: ${optionNames(check)})`, [...path, issue.keys[0] ?? ''], true);
      }
      if (issue?.path.length === 0)
        throw problem(`expected a mapping of option names to values (${id} has: ${optionNames(check)})`, path);
      throw problem(issue?.message ?? 'invalid value', path);
    }
    configured.set(id, parsed.data);
  }
  return configured;
}

export async function loadCheckConfig(file: string, checks: readonly Check[] = CHECKS): Promise<CheckOptions> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code ?? 'error'})`, {
      file,
    });
  }
  return parseCheckConfig(text, file, checks);
}
