/**
 * User YAML files (`--config`, watch.yaml) read as plain data that still knows where each value was written, so
 * that every problem is one `UserError` at `file:line:column` with the field path.
 */
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors.ts';

export type Path = readonly PropertyKey[];

/** `checks.ec2-sg-no-public-admin-ports.ports[1]` */
export function fieldPath(path: Path): string {
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

export interface LocatedYaml {
  file: string;
  /** the document as plain data; null for an empty file */
  data: unknown;
  /** the error for `message` at the value (or, with `atKey`, the key) that `path` leads to */
  problem: (message: string, path: Path, atKey?: boolean) => UserError;
}

export function parseLocatedYaml(text: string, file: string): LocatedYaml {
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
  if (doc.contents === null) return { file, data: null, problem };
  const data = plainData(doc, (message, at) => {
    const { line, col } = counter.linePos(at?.range?.[0] ?? 0);
    return new UserError(message, { file, line, column: col });
  });
  return { file, data, problem };
}

export async function readLocatedYaml(file: string, what = 'config file'): Promise<LocatedYaml> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `${what} not found` : `cannot read ${what} (${code ?? 'error'})`, {
      file,
    });
  }
  return parseLocatedYaml(text, file);
}

/**
 * `value` (found at `path` of the document) checked against a zod schema; the first issue is the error, at the
 * value it is about (an unknown key where the key is written).
 */
export function checkedValue<T>(yaml: LocatedYaml, schema: z.ZodType<T>, value: unknown, path: Path = []): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const at = [...path, ...(issue?.path ?? [])];
  if (issue?.code === 'unrecognized_keys') throw yaml.problem('unknown field', [...at, issue.keys[0] ?? ''], true);
  throw yaml.problem(issue?.message ?? 'invalid value', at);
}
