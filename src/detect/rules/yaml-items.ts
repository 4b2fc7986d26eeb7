/**
 * Reads a rules file into items (rule, macro, list, required_*), each with typed accessors that
 * fail with the file:line:col of the offending key or value.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Node,
  type Document,
  type YAMLMap,
} from 'yaml';
import { ItemError, type Reporter } from './diagnostics.ts';
import { LocatedText, type Pos, posOf, type SourceFile } from './located.ts';

export const ITEM_KINDS = ['rule', 'macro', 'list', 'required_engine_version', 'required_plugin_versions'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface Located<T> {
  value: T;
  pos: Pos;
}

export class Item {
  readonly keys = new Map<string, { keyPos: Pos; node: Node | null }>();

  constructor(
    readonly kind: ItemKind,
    readonly pos: Pos,
    readonly source: SourceFile,
    private readonly doc: Document,
  ) {}

  has(key: string): boolean {
    return this.keys.has(key);
  }

  keyPos(key: string): Pos {
    return this.keys.get(key)?.keyPos ?? this.pos;
  }

  private node(key: string): Node | null | undefined {
    const entry = this.keys.get(key);
    if (entry === undefined) return undefined;
    return entry.node !== null && isAlias(entry.node) ? (entry.node.resolve(this.doc) ?? null) : entry.node;
  }

  nodePos(node: Node | null | undefined, fallback: Pos): Pos {
    return node?.range ? posOf(this.source, node.range[0]) : fallback;
  }

  /** a scalar as text: YAML numbers and booleans count as their text, as Falco reads them */
  text(key: string): Located<string> | undefined {
    const node = this.node(key);
    if (node === undefined) return undefined;
    return scalarText(node, this.nodePos(node, this.keyPos(key)), key);
  }

  located(key: string): LocatedText | undefined {
    const node = this.node(key);
    if (node === undefined) return undefined;
    const pos = this.nodePos(node, this.keyPos(key));
    if (!isScalar(node) || node.value === null || typeof node.value === 'object')
      throw new ItemError(`${key} must be a string`, pos);
    const value = node.toString();
    const block = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL';
    return node.range ? LocatedText.fromScalar(this.source, node.range, value, block) : LocatedText.at(value, pos);
  }

  bool(key: string): boolean | undefined {
    const node = this.node(key);
    if (node === undefined) return undefined;
    const pos = this.nodePos(node, this.keyPos(key));
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    if (isScalar(node) && (node.value === 'true' || node.value === 'false')) return node.value === 'true';
    throw new ItemError(`${key} must be true or false`, pos);
  }

  /** a sequence of scalars (tags, list items) */
  strings(key: string): Located<string>[] | undefined {
    const node = this.node(key);
    if (node === undefined) return undefined;
    return stringSeq(node, this.nodePos(node, this.keyPos(key)), key, this.doc, this.source);
  }

  /** a mapping of scalar keys to scalar values (override) */
  stringMap(key: string): Map<string, Located<string>> | undefined {
    const node = this.node(key);
    if (node === undefined) return undefined;
    const pos = this.nodePos(node, this.keyPos(key));
    if (!isMap(node)) throw new ItemError(`${key} must be a mapping`, pos);
    const out = new Map<string, Located<string>>();
    for (const pair of node.items) {
      const k = pair.key as Node | null;
      const kPos = this.nodePos(k, pos);
      if (!isScalar(k)) throw new ItemError(`keys of ${key} must be strings`, kPos);
      const v = (pair.value ?? null) as Node | null;
      out.set(String(k.value), scalarText(v, this.nodePos(v, kPos), `${key}.${String(k.value)}`));
    }
    return out;
  }

  /** raw node for structured values (exceptions) */
  raw(key: string): { node: Node | null; pos: Pos } | undefined {
    const node = this.node(key);
    if (node === undefined) return undefined;
    return { node, pos: this.nodePos(node, this.keyPos(key)) };
  }

  resolve(node: Node | null): Node | null {
    return node !== null && isAlias(node) ? (node.resolve(this.doc) ?? null) : node;
  }
}

export function scalarText(node: Node | null, pos: Pos, what: string): Located<string> {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object')
    throw new ItemError(`${what} must be a string`, pos);
  return { value: node.toString(), pos };
}

function stringSeq(node: Node | null, pos: Pos, what: string, doc: Document, source: SourceFile): Located<string>[] {
  if (!isSeq(node)) throw new ItemError(`${what} must be a list`, pos);
  return node.items.map((raw) => {
    const item = raw !== null && isAlias(raw) ? (raw.resolve(doc) ?? null) : (raw as Node | null);
    return scalarText(item, item?.range ? posOf(source, item.range[0]) : pos, `each entry of ${what}`);
  });
}

/** A YAML document that is a mapping rather than a Falco list (a Sigma rule): handed over whole. */
export interface MappingDocument {
  source: SourceFile;
  doc: Document;
  map: YAMLMap;
  pos: Pos;
}

/**
 * Parses one rules file; YAML syntax errors and malformed items are reported, valid items returned. A document
 * that is a mapping `other` accepts (a Sigma rule) goes to `other` instead.
 */
export function readItems(
  file: string,
  text: string,
  reporter: Reporter,
  other?: { accepts(map: YAMLMap): boolean; take(document: MappingDocument): void },
): Item[] {
  const lines = new LineCounter();
  const source: SourceFile = { file, text, lines };
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const items: Item[] = [];
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    const firstError = doc.errors[0];
    if (firstError) {
      reporter.error(posOf(source, firstError.pos[0]), `invalid YAML: ${firstError.message.split('\n')[0]}`);
      continue;
    }
    const contents = doc.contents as Node | null;
    if (contents === null || (isScalar(contents) && contents.value === null)) continue;
    if (other && isMap(contents) && other.accepts(contents)) {
      other.take({
        source,
        doc,
        map: contents,
        pos: contents.range ? posOf(source, contents.range[0]) : { file, line: 1, column: 1 },
      });
      continue;
    }
    if (!isSeq(contents)) {
      reporter.error(
        contents.range ? posOf(source, contents.range[0]) : { file, line: 1, column: 1 },
        'a rules file must be a YAML list of items (rule, macro, list, ...), or a Sigma rule (a mapping with logsource and detection)',
      );
      continue;
    }
    for (const raw of contents.items) {
      const node = raw as Node | null;
      const pos = node?.range ? posOf(source, node.range[0]) : { file, line: 1, column: 1 };
      try {
        items.push(toItem(node, pos, source, doc));
      } catch (error) {
        if (!(error instanceof ItemError)) throw error;
        reporter.error(error.pos, error.message);
      }
    }
  }
  return items;
}

function toItem(node: Node | null, pos: Pos, source: SourceFile, doc: Document): Item {
  if (!isMap(node))
    throw new ItemError(
      'each item must be a mapping with one of the keys rule, macro, list, required_engine_version, required_plugin_versions',
      pos,
    );
  const map = node;
  const kinds = map.items
    .map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''))
    .filter((key): key is ItemKind => (ITEM_KINDS as readonly string[]).includes(key));
  if (kinds.length === 0)
    throw new ItemError(
      'unknown item: expected one of the keys rule, macro, list, required_engine_version, required_plugin_versions',
      pos,
    );
  if (kinds.length > 1) throw new ItemError(`an item cannot be both ${kinds[0]} and ${kinds[1]}`, pos);
  const item = new Item(kinds[0] as ItemKind, pos, source, doc);
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    const keyPos = key?.range ? posOf(source, key.range[0]) : pos;
    if (!isScalar(key)) throw new ItemError('item keys must be strings', keyPos);
    item.keys.set(String(key.value), { keyPos, node: (pair.value ?? null) as Node | null });
  }
  return item;
}
