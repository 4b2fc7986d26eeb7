/**
 * A Sigma rule (one YAML document with `logsource` and `detection`) compiled into the same form as a Falco rule:
 * a test over the event, the event names / sources it pins for the matcher's index, a priority, tags and an
 * output, so that prefilters, worker threads, --min-priority and the alert sinks treat both alike.
 *
 * What is valid Sigma but cannot run here (another log source, keyword searches, aggregations, modifiers without a
 * CloudTrail meaning) throws SigmaUnsupported: the rule is skipped with a warning naming file:line:col, as Falco
 * rules for other sources are. What is not valid Sigma throws ItemError, an error like a Falco syntax error.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { compileWildcard } from '../../../checks/policy/index.ts';
import type { Priority } from '../../engine/types.ts';
import { resolveField } from '../../fields/table.ts';
import { all, andPins, any, orPins } from '../combine.ts';
import type { CompiledRule, EvalContext, FieldSlots, OutputPart, Pins, Test } from '../compiled.ts';
import { ItemError } from '../diagnostics.ts';
import { LocatedText, type Pos, posOf } from '../located.ts';
import type { MappingDocument } from '../yaml-items.ts';
import { parseSigmaCondition, type SigmaCondition, SigmaConditionError } from './sigma-condition.ts';
import { fieldPath, outputReader, PINNED_FIELDS, textOf, valuesAt } from './sigma-fields.ts';
import { cidrTest, regexTest, stringTest, type TextTest } from './sigma-values.ts';

export const SIGMA_SOURCE = 'sigma';

/** Valid Sigma that cloudwarden does not run: the rule is skipped with this reason. */
export class SigmaUnsupported extends Error {
  constructor(
    message: string,
    readonly pos: Pos,
  ) {
    super(message);
  }
}

/** Sigma's five levels on Falco's scale: `high` asks for a prompt review (ERROR), `critical` is an incident. */
export const SIGMA_LEVELS: Readonly<Record<string, Priority>> = {
  informational: 'INFORMATIONAL',
  low: 'NOTICE',
  medium: 'WARNING',
  high: 'ERROR',
  critical: 'CRITICAL',
};
/** a rule without `level` */
export const SIGMA_DEFAULT_PRIORITY: Priority = 'WARNING';

const SUPPORTED_MODIFIERS = new Set([
  'contains',
  'startswith',
  'endswith',
  'all',
  're',
  'i',
  'm',
  's',
  'cased',
  'exists',
  'cidr',
]);
/** modifiers of the Sigma specification that cloudwarden does not implement */
const UNSUPPORTED_MODIFIERS = new Set([
  'windash',
  'base64',
  'base64offset',
  'utf16le',
  'utf16be',
  'utf16',
  'wide',
  'lt',
  'lte',
  'gt',
  'gte',
  'neq',
  'expand',
  'fieldref',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
]);

/** The output's key fields, Falco field names: the same text as the built-in packs' alerts. */
const OUTPUT_FIELDS: readonly [string, string][] = [
  ['user', 'ct.user'],
  ['user_type', 'ct.user.identitytype'],
  ['event', 'ct.name'],
  ['source', 'ct.src'],
  ['src_ip', 'ct.srcip'],
  ['region', 'ct.region'],
  ['account', 'ct.recipientaccountid'],
];

interface Compiled {
  test: Test;
  pins: Pins;
}

/** A map document that is a Sigma rule, correlation or filter rather than a Falco rules list. */
export function looksLikeSigma(map: YAMLMap): boolean {
  return map.items.some(
    (pair) => isScalar(pair.key) && ['detection', 'logsource', 'correlation'].includes(String(pair.key.value)),
  );
}

export class SigmaRuleReader {
  private readonly keys = new Map<string, { keyPos: Pos; node: Node | null }>();

  constructor(private readonly input: MappingDocument) {
    for (const pair of input.map.items) {
      const key = pair.key as Node | null;
      const keyPos = this.posOf(key, input.pos);
      if (!isScalar(key)) throw new ItemError('keys of a Sigma rule must be strings', keyPos);
      this.keys.set(String(key.value), { keyPos, node: this.resolve((pair.value ?? null) as Node | null) });
    }
  }

  private resolve(node: Node | null): Node | null {
    return node !== null && isAlias(node) ? (node.resolve(this.input.doc) ?? null) : node;
  }

  private posOf(node: Node | null | undefined, fallback: Pos): Pos {
    return node?.range ? posOf(this.input.source, node.range[0]) : fallback;
  }

  private text(key: string): { value: string; pos: Pos } | undefined {
    const entry = this.keys.get(key);
    if (entry === undefined) return undefined;
    const pos = this.posOf(entry.node, entry.keyPos);
    if (!isScalar(entry.node) || entry.node.value === null || typeof entry.node.value === 'object')
      throw new ItemError(`${key} must be a string`, pos);
    return { value: scalarText(entry.node.value), pos };
  }

  private strings(key: string): string[] {
    const entry = this.keys.get(key);
    if (entry === undefined || entry.node === null) return [];
    const pos = this.posOf(entry.node, entry.keyPos);
    if (!isSeq(entry.node)) throw new ItemError(`${key} must be a list of strings`, pos);
    return entry.node.items.map((raw) => {
      const item = this.resolve(raw as Node | null);
      if (!isScalar(item) || item.value === null || typeof item.value === 'object')
        throw new ItemError(`each entry of ${key} must be a string`, this.posOf(item, pos));
      return scalarText(item.value);
    });
  }

  /** The rule's title, for messages about a rule that is skipped or fails. */
  get title(): string {
    const entry = this.keys.get('title');
    return isScalar(entry?.node) ? String(entry.node.value) : '(untitled)';
  }

  compile(slots: FieldSlots, index: number): CompiledRule {
    const { pos } = this.input;
    if (this.keys.has('correlation'))
      throw new SigmaUnsupported(
        'Sigma correlation rules are not supported: use a cloudwarden stateful rule',
        this.keys.get('correlation')?.keyPos ?? pos,
      );
    if (this.keys.has('filter') && !this.keys.has('detection'))
      throw new SigmaUnsupported(
        'Sigma filters (meta filters applied to other rules) are not supported',
        this.keys.get('filter')?.keyPos ?? pos,
      );
    if (this.keys.has('action'))
      throw new SigmaUnsupported(
        'Sigma rule collections (action: global/reset/repeat) are not supported: write one rule per document',
        this.keys.get('action')?.keyPos ?? pos,
      );
    const title = this.text('title');
    if (title === undefined || title.value.trim() === '') throw new ItemError('a Sigma rule must have a title', pos);
    this.checkLogsource();
    const detection = this.keys.get('detection');
    if (detection === undefined) throw new ItemError('a Sigma rule must have a detection', pos);
    if (!isMap(detection.node))
      throw new ItemError(
        'detection must be a mapping of search identifiers and a condition',
        this.posOf(detection.node, detection.keyPos),
      );
    const { test, pins } = new DetectionCompiler(this.input, detection.node, detection.keyPos).compile();
    const output = this.output(title.value, slots);
    const status = this.text('status')?.value.toLowerCase();
    return {
      index,
      name: title.value,
      file: this.input.source.file,
      line: pos.line,
      column: pos.column,
      desc: this.text('description')?.value ?? '',
      priority: this.priority(),
      tags: this.strings('tags'),
      // the specification's words for a rule not to be used
      enabled: status !== 'deprecated' && status !== 'unsupported',
      declaredSource: SIGMA_SOURCE,
      test,
      output: output.parts,
      outputFields: output.fields,
      pins,
      ...(this.keys.has('id') ? { id: this.text('id')?.value } : {}),
    };
  }

  private checkLogsource(): void {
    const entry = this.keys.get('logsource');
    if (entry === undefined) throw new ItemError('a Sigma rule must have a logsource', this.input.pos);
    const pos = this.posOf(entry.node, entry.keyPos);
    if (!isMap(entry.node)) throw new ItemError('logsource must be a mapping (product, service, category)', pos);
    const read = (key: string): string | undefined => {
      const pair = (entry.node as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === key);
      const value = pair?.value as Node | null | undefined;
      return isScalar(value) && value.value !== null ? scalarText(value.value).toLowerCase() : undefined;
    };
    const product = read('product');
    const service = read('service');
    if (product !== 'aws' || service !== 'cloudtrail') {
      const said = [
        ['product', product],
        ['service', service],
        ['category', read('category')],
      ]
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}: ${v}`);
      throw new SigmaUnsupported(
        `logsource ${said.length > 0 ? said.join(', ') : '(empty)'} is not CloudTrail (only product: aws, service: cloudtrail run here)`,
        pos,
      );
    }
  }

  private priority(): Priority {
    const level = this.text('level');
    if (level === undefined) return SIGMA_DEFAULT_PRIORITY;
    const priority = SIGMA_LEVELS[level.value.trim().toLowerCase()];
    if (priority === undefined)
      throw new ItemError(
        `unknown level "${level.value}" (expected one of ${Object.keys(SIGMA_LEVELS).join(', ')})`,
        level.pos,
      );
    return priority;
  }

  /** `title (user=… event=… …)`, then the rule's own `fields`, which are also its output fields. */
  private output(title: string, slots: FieldSlots): { parts: OutputPart[]; fields: { key: string; slot: number }[] } {
    const parts: OutputPart[] = [`${title} (`];
    const fields: { key: string; slot: number }[] = [];
    const add = (label: string, key: string, slot: number) => {
      parts.push(`${fields.length === 0 ? '' : ' '}${label}=`, { slot, key });
      fields.push({ key, slot });
    };
    for (const [label, name] of OUTPUT_FIELDS) {
      const resolved = resolveField(name, undefined);
      if (!resolved.ok) throw new Error(`output field ${name}: ${resolved.message}`);
      add(label, name, slots.slot(name, resolved.field.read));
    }
    const entry = this.keys.get('fields');
    for (const name of this.strings('fields')) {
      const keys = fieldPath(name);
      if (keys === undefined)
        throw new ItemError(`"${name}" in fields is not a dotted field path`, this.posOf(entry?.node, this.input.pos));
      if (fields.some((f) => f.key === name)) continue;
      // keyed apart from Falco's field names, which a CloudTrail path never spells
      add(name, name, slots.slot(`sigma:${name}`, outputReader(keys)));
    }
    parts.push(')');
    return { parts, fields };
  }
}

interface Modifiers {
  anchor: 'whole' | 'start' | 'end' | 'anywhere';
  all: boolean;
  re: boolean;
  cidr: boolean;
  flags: { ignoreCase: boolean; multiline: boolean; dotAll: boolean };
  cased: boolean;
  exists: boolean;
}

class DetectionCompiler {
  private readonly identifiers = new Map<string, { node: Node | null; keyPos: Pos }>();
  private condition: { node: Node | null; keyPos: Pos } | undefined;
  private readonly compiled = new Map<string, Compiled>();

  constructor(
    private readonly input: MappingDocument,
    detection: YAMLMap,
    private readonly detectionPos: Pos,
  ) {
    for (const pair of detection.items) {
      const key = pair.key as Node | null;
      const keyPos = this.posOf(key, detectionPos);
      if (!isScalar(key)) throw new ItemError('search identifiers must be strings', keyPos);
      const name = String(key.value);
      const entry = { node: (pair.value ?? null) as Node | null, keyPos };
      if (name === 'condition') this.condition = entry;
      // timeframe goes with aggregations, which the condition then holds and which are reported there
      else if (name !== 'timeframe') this.identifiers.set(name, entry);
    }
  }

  private posOf(node: Node | null | undefined, fallback: Pos): Pos {
    return node?.range ? posOf(this.input.source, node.range[0]) : fallback;
  }

  compile(): Compiled {
    const condition = this.condition;
    if (condition === undefined) throw new ItemError('detection has no condition', this.detectionPos);
    const texts: LocatedText[] = [];
    const one = (node: Node | null, fallback: Pos) => {
      if (!isScalar(node) || typeof node.value !== 'string')
        throw new ItemError('condition must be a string or a list of strings', this.posOf(node, fallback));
      const block = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL';
      texts.push(
        node.range
          ? LocatedText.fromScalar(this.input.source, node.range, node.value, block)
          : LocatedText.at(node.value, fallback),
      );
    };
    if (isSeq(condition.node)) for (const item of condition.node.items) one(item as Node | null, condition.keyPos);
    else one(condition.node, condition.keyPos);
    if (texts.length === 0) throw new ItemError('condition is an empty list', condition.keyPos);
    // a list of conditions means any of them (the specification's OR)
    const parts = texts.map((text) => this.conditionNode(parse(text), text));
    return parts.length === 1
      ? (parts[0] as Compiled)
      : { test: any(parts.map((p) => p.test)), pins: orPins(parts.map((p) => p.pins)) };
  }

  private conditionNode(node: SigmaCondition, where: LocatedText): Compiled {
    switch (node.kind) {
      case 'and': {
        const parts = node.items.map((n) => this.conditionNode(n, where));
        return { test: all(parts.map((p) => p.test)), pins: andPins(parts.map((p) => p.pins)) };
      }
      case 'or': {
        const parts = node.items.map((n) => this.conditionNode(n, where));
        return { test: any(parts.map((p) => p.test)), pins: orPins(parts.map((p) => p.pins)) };
      }
      case 'not': {
        const inner = this.conditionNode(node.item, where).test;
        return { test: (e) => !inner(e), pins: {} };
      }
      case 'id':
        if (!this.identifiers.has(node.name))
          throw new ItemError(
            `condition names "${node.name}", which is not a search identifier of this rule`,
            where.posAt(node.at),
          );
        return this.identifier(node.name);
      case 'of': {
        const names = this.matching(node.pattern, where, node.at);
        const parts = names.map((name) => this.identifier(name));
        return node.all
          ? { test: all(parts.map((p) => p.test)), pins: andPins(parts.map((p) => p.pins)) }
          : { test: any(parts.map((p) => p.test)), pins: orPins(parts.map((p) => p.pins)) };
      }
    }
  }

  /** `them`: every search identifier not starting with `_` (the specification's convention for helpers). */
  private matching(pattern: string, where: LocatedText, at: number): string[] {
    const names = [...this.identifiers.keys()];
    const matches = compileWildcard(pattern);
    const found = names.filter((n) => (pattern === 'them' ? !n.startsWith('_') : matches(n)));
    if (found.length === 0)
      throw new ItemError(`"${pattern}" matches no search identifier of this rule`, where.posAt(at));
    return found;
  }

  private identifier(name: string): Compiled {
    let compiled = this.compiled.get(name);
    if (compiled === undefined) {
      const entry = this.identifiers.get(name) as { node: Node | null; keyPos: Pos };
      compiled = this.search(name, entry.node, entry.keyPos);
      this.compiled.set(name, compiled);
    }
    return compiled;
  }

  /** A map (fields ANDed) or a list of maps (ORed). A list of plain values is a keyword search. */
  private search(name: string, node: Node | null, keyPos: Pos): Compiled {
    const pos = this.posOf(node, keyPos);
    if (isMap(node)) return this.selection(node, pos);
    if (isSeq(node) && node.items.length > 0) {
      if (node.items.every((item) => isMap(item))) {
        const parts = node.items.map((item) => this.selection(item, this.posOf(item as Node, pos)));
        return { test: any(parts.map((p) => p.test)), pins: orPins(parts.map((p) => p.pins)) };
      }
      if (node.items.every((item) => isScalar(item)))
        throw new SigmaUnsupported(
          `search identifier "${name}" is a keyword list: keyword searches are not supported on CloudTrail (name the field, e.g. eventName: ...)`,
          pos,
        );
      throw new ItemError(`search identifier "${name}" mixes maps and plain values`, pos);
    }
    if (isScalar(node) && node.value !== null)
      throw new SigmaUnsupported(
        `search identifier "${name}" is a keyword: keyword searches are not supported on CloudTrail (name the field)`,
        pos,
      );
    throw new ItemError(
      `search identifier "${name}" must be a mapping of fields to values, or a list of such mappings`,
      pos,
    );
  }

  private selection(map: YAMLMap, pos: Pos): Compiled {
    if (map.items.length === 0) throw new ItemError('an empty selection matches nothing', pos);
    const parts = map.items.map((pair) => {
      const key = pair.key as Node | null;
      const keyPos = this.posOf(key, pos);
      if (!isScalar(key) || key.value === null) throw new ItemError('a field name must be a string', keyPos);
      return this.field(scalarText(key.value), keyPos, (pair.value ?? null) as Node | null);
    });
    return { test: all(parts.map((p) => p.test)), pins: andPins(parts.map((p) => p.pins)) };
  }

  private modifiers(names: string[], keyPos: Pos): Modifiers {
    const mods: Modifiers = {
      anchor: 'whole',
      all: false,
      re: false,
      cidr: false,
      flags: { ignoreCase: false, multiline: false, dotAll: false },
      cased: false,
      exists: false,
    };
    for (const raw of names) {
      const mod = raw.toLowerCase();
      if (UNSUPPORTED_MODIFIERS.has(mod)) throw new SigmaUnsupported(`modifier |${raw} is not supported`, keyPos);
      if (!SUPPORTED_MODIFIERS.has(mod))
        throw new ItemError(
          `unknown modifier |${raw} (cloudwarden runs ${[...SUPPORTED_MODIFIERS].join(', ')})`,
          keyPos,
        );
      if (mod === 'i' || mod === 'm' || mod === 's') {
        if (!mods.re) throw new ItemError(`modifier |${raw} qualifies |re and must follow it`, keyPos);
        if (mod === 'i') mods.flags.ignoreCase = true;
        else if (mod === 'm') mods.flags.multiline = true;
        else mods.flags.dotAll = true;
        continue;
      }
      if (mod === 'contains' || mod === 'startswith' || mod === 'endswith') {
        if (mods.anchor !== 'whole' || mods.re)
          throw new ItemError(
            `modifier |${raw} cannot be combined with |${names.find((n) => n !== raw && ['contains', 'startswith', 'endswith', 're'].includes(n.toLowerCase()))}`,
            keyPos,
          );
        mods.anchor = mod === 'contains' ? 'anywhere' : mod === 'startswith' ? 'start' : 'end';
      } else if (mod === 're') {
        if (mods.anchor !== 'whole')
          throw new ItemError('modifier |re cannot be combined with |contains, |startswith or |endswith', keyPos);
        mods.re = true;
      } else if (mod === 'cidr') mods.cidr = true;
      else if (mod === 'all') mods.all = true;
      else if (mod === 'cased') mods.cased = true;
      else mods.exists = true;
    }
    if (mods.exists && names.length > 1) throw new ItemError('modifier |exists takes no other modifier', keyPos);
    if (mods.cidr && names.some((n) => !['cidr', 'all'].includes(n.toLowerCase())))
      throw new ItemError('modifier |cidr takes no other modifier but |all', keyPos);
    return mods;
  }

  private field(keyText: string, keyPos: Pos, valueNode: Node | null): Compiled {
    const [name = '', ...modNames] = keyText.split('|');
    if (name === '')
      throw new SigmaUnsupported(
        `"${keyText}": keyword searches are not supported on CloudTrail (name the field)`,
        keyPos,
      );
    const keys = fieldPath(name);
    if (keys === undefined) throw new ItemError(`"${name}" is not a dotted field path`, keyPos);
    const mods = this.modifiers(modNames, keyPos);
    const valuePos = this.posOf(valueNode, keyPos);

    if (mods.exists) {
      if (!isScalar(valueNode) || typeof valueNode.value !== 'boolean')
        throw new ItemError('|exists takes true or false', valuePos);
      const want = valueNode.value;
      return { test: (e) => valuesAt(e.record, keys).length > 0 === want, pins: {} };
    }

    const valueNodes = isSeq(valueNode) ? (valueNode.items as (Node | null)[]) : [valueNode];
    if (valueNodes.length === 0) throw new ItemError(`${name} has an empty list of values`, valuePos);
    if (mods.all && valueNodes.length < 2)
      throw new ItemError(
        '|all needs a list of two or more values (the specification forbids it on one value)',
        keyPos,
      );
    const pinned =
      keys.length === 1
        ? PINNED_FIELDS[Object.keys(PINNED_FIELDS).find((k) => k.toLowerCase() === name.toLowerCase()) ?? '']
        : undefined;
    // AWS writes event names and sources in one spelling: compared as written, so the index can pin them
    const cased = mods.cased || pinned !== undefined;
    const literals: string[] = [];
    const tests = valueNodes.map((node) => {
      const pos = this.posOf(node, valuePos);
      if (!isScalar(node)) throw new ItemError(`values of ${name} must be strings, numbers, booleans or null`, pos);
      if (node.value === null) return nullTest();
      if (typeof node.value === 'object')
        throw new ItemError(`values of ${name} must be strings, numbers, booleans or null`, pos);
      const value = typeof node.value === 'string' ? node.value : (node.source ?? scalarText(node.value));
      let test: TextTest;
      if (mods.re || mods.cidr) {
        try {
          test = mods.re ? regexTest(value, mods.flags) : cidrTest(value);
        } catch (error) {
          throw new ItemError(`invalid |${mods.re ? 're pattern' : 'cidr range'}: ${(error as Error).message}`, pos);
        }
      } else {
        test = stringTest(value, { anchor: mods.anchor, cased });
        if (mods.anchor === 'whole' && !/[*?\\]/.test(value)) literals.push(value);
      }
      return anyValue(test);
    });
    const combined = mods.all
      ? (leaves: unknown[]) => tests.every((t) => t(leaves))
      : (leaves: unknown[]) => tests.some((t) => t(leaves));
    const test = (e: EvalContext) => combined(valuesAt(e.record, keys));
    const pins: Pins = {};
    if (pinned !== undefined && !mods.all && !mods.re && !mods.cidr && literals.length === valueNodes.length)
      pins[pinned] = new Set(literals);
    return { test, pins };
  }
}

/** `field: null`: the field is absent or null. */
/** A YAML scalar's value as text; callers have ruled out null and objects, the guard keeps `[object Object]` out. */
function scalarText(value: unknown): string {
  return typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
    ? String(value)
    : '';
}

function nullTest(): (leaves: unknown[]) => boolean {
  return (leaves) => leaves.every((v) => v === null);
}

function anyValue(test: TextTest): (leaves: unknown[]) => boolean {
  return (leaves) => {
    for (const leaf of leaves) {
      const text = textOf(leaf);
      if (text !== null && test(text)) return true;
    }
    return false;
  };
}

function parse(text: LocatedText): SigmaCondition {
  try {
    return parseSigmaCondition(text.text);
  } catch (error) {
    if (!(error instanceof SigmaConditionError)) throw error;
    if (error.unsupported) throw new SigmaUnsupported(error.message, text.posAt(error.at));
    throw new ItemError(`syntax error in condition: ${error.message}`, text.posAt(error.at));
  }
}
