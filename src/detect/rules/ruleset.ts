/**
 * Applies rules-file items in load order, as Falco does: definitions, redefinitions (the later one
 * wins), `append: true` and `override: {key: append|replace}` onto an item defined earlier. Macros
 * and lists are looked up by name only when rules are compiled, so they may be defined after use.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { readStatefulDef } from '../stateful/definition.ts';
import { ItemError, type Reporter } from './diagnostics.ts';
import {
  type ExceptionDef,
  type ExceptionPart,
  type ListDef,
  type MacroDef,
  parsePriority,
  PRIORITIES,
  type RuleDef,
} from './definitions.ts';
import type { Pos } from './located.ts';
import { type Item, type Located, scalarText } from './yaml-items.ts';

const RULE_KEYS = [
  'rule',
  'desc',
  'condition',
  'output',
  'priority',
  'source',
  'tags',
  'enabled',
  'exceptions',
  'append',
  'override',
  'warn_evttypes',
  'skip-if-unknown-filter',
  'capture',
  'capture_duration',
  'cloudwarden',
];
const MACRO_KEYS = ['macro', 'condition', 'append', 'override'];
const LIST_KEYS = ['list', 'items', 'append', 'override'];

const RULE_APPENDABLE = new Set(['condition', 'output', 'desc', 'tags', 'exceptions']);
const RULE_REPLACEABLE = new Set([
  'condition',
  'output',
  'desc',
  'priority',
  'tags',
  'exceptions',
  'enabled',
  'warn_evttypes',
  'skip-if-unknown-filter',
  'capture',
  'capture_duration',
  'cloudwarden',
]);

export class RuleSet {
  readonly lists = new Map<string, ListDef>();
  readonly macros = new Map<string, MacroDef>();
  readonly rules = new Map<string, RuleDef>();

  constructor(private readonly reporter: Reporter) {}

  add(item: Item): void {
    try {
      switch (item.kind) {
        case 'required_engine_version':
          this.checkKeys(item, ['required_engine_version']);
          return;
        case 'required_plugin_versions':
          this.checkKeys(item, ['required_plugin_versions']);
          this.reporter.warn(
            item.pos,
            'required_plugin_versions is accepted and ignored: cloudwarden reads CloudTrail without plugins',
          );
          return;
        case 'list':
          this.addList(item);
          return;
        case 'macro':
          this.addMacro(item);
          return;
        case 'rule':
          this.addRule(item);
          return;
      }
    } catch (error) {
      if (!(error instanceof ItemError)) throw error;
      this.reporter.error(error.pos, error.message);
    }
  }

  private checkKeys(item: Item, allowed: string[]): void {
    for (const key of item.keys.keys()) {
      if (!allowed.includes(key))
        throw new ItemError(
          `unknown key "${key}" in ${item.kind} (expected one of: ${allowed.join(', ')})`,
          item.keyPos(key),
        );
    }
  }

  private name(item: Item): Located<string> {
    const name = item.text(item.kind);
    if (name === undefined || name.value.trim() === '') throw new ItemError(`${item.kind} must have a name`, item.pos);
    return name;
  }

  /** `{mode, keys}` for an item that changes an earlier one, or undefined for a (re)definition. */
  private overrideOf(
    item: Item,
    appendable: Set<string>,
    replaceable: Set<string>,
  ): Map<string, 'append' | 'replace'> | undefined {
    const append = item.bool('append') ?? false;
    const override = item.stringMap('override');
    if (append && override) throw new ItemError('append and override cannot be used together', item.keyPos('override'));
    const nameKey = item.kind;
    if (append) {
      const modes = new Map<string, 'append' | 'replace'>();
      for (const key of item.keys.keys()) {
        if (key === nameKey || key === 'append') continue;
        if (!appendable.has(key))
          throw new ItemError(`"${key}" cannot be appended to a ${item.kind}`, item.keyPos(key));
        modes.set(key, 'append');
      }
      return modes;
    }
    if (!override) return undefined;
    const modes = new Map<string, 'append' | 'replace'>();
    for (const [key, mode] of override) {
      if (mode.value !== 'append' && mode.value !== 'replace')
        throw new ItemError(`override of "${key}" must be append or replace, not "${mode.value}"`, mode.pos);
      const allowed = mode.value === 'append' ? appendable : replaceable;
      if (!allowed.has(key))
        throw new ItemError(`"${key}" cannot be overridden with ${mode.value} in a ${item.kind}`, mode.pos);
      if (!item.has(key)) throw new ItemError(`override names "${key}" but the item has no "${key}" key`, mode.pos);
      modes.set(key, mode.value);
    }
    for (const key of item.keys.keys()) {
      if (key !== nameKey && key !== 'override' && !modes.has(key)) {
        throw new ItemError(
          `"${key}" must be listed in override (append or replace) when the item overrides an existing ${item.kind}`,
          item.keyPos(key),
        );
      }
    }
    return modes;
  }

  private addList(item: Item): void {
    this.checkKeys(item, LIST_KEYS);
    const name = this.name(item);
    const items = item.strings('items');
    const modes = this.overrideOf(item, new Set(['items']), new Set(['items']));
    if (modes === undefined) {
      if (items === undefined) throw new ItemError(`list ${name.value} has no items`, item.pos);
      this.lists.set(name.value, { name: name.value, items, pos: item.pos });
      return;
    }
    const existing = this.lists.get(name.value);
    if (!existing)
      throw new ItemError(`list ${name.value} appends to or overrides a list that is not defined before it`, item.pos);
    if (items === undefined) return;
    existing.items = modes.get('items') === 'append' ? [...existing.items, ...items] : items;
  }

  private addMacro(item: Item): void {
    this.checkKeys(item, MACRO_KEYS);
    const name = this.name(item);
    const condition = item.located('condition');
    const modes = this.overrideOf(item, new Set(['condition']), new Set(['condition']));
    if (modes === undefined) {
      if (condition === undefined) throw new ItemError(`macro ${name.value} has no condition`, item.pos);
      this.macros.set(name.value, { name: name.value, condition, pos: item.pos });
      return;
    }
    const existing = this.macros.get(name.value);
    if (!existing)
      throw new ItemError(
        `macro ${name.value} appends to or overrides a macro that is not defined before it`,
        item.pos,
      );
    if (condition === undefined) return;
    existing.condition = modes.get('condition') === 'append' ? existing.condition.append(condition) : condition;
  }

  private addRule(item: Item): void {
    this.checkKeys(item, RULE_KEYS);
    const name = this.name(item);
    const modes = this.overrideOf(item, RULE_APPENDABLE, RULE_REPLACEABLE);
    const onlyEnabled =
      modes === undefined && item.has('enabled') && [...item.keys.keys()].every((k) => k === 'rule' || k === 'enabled');
    if (onlyEnabled) {
      // Falco's shorthand for switching an existing rule on or off
      const existing = this.rules.get(name.value);
      if (!existing)
        throw new ItemError(`rule ${name.value} sets enabled but no rule by that name is defined before it`, item.pos);
      existing.enabled = item.bool('enabled') ?? existing.enabled;
      return;
    }
    if (modes === undefined) {
      this.rules.set(name.value, this.newRule(item, name.value));
      return;
    }
    const existing = this.rules.get(name.value);
    if (!existing)
      throw new ItemError(`rule ${name.value} appends to or overrides a rule that is not defined before it`, item.pos);
    for (const [key, mode] of modes) this.applyRuleKey(existing, item, key, mode);
  }

  private applyRuleKey(rule: RuleDef, item: Item, key: string, mode: 'append' | 'replace'): void {
    switch (key) {
      case 'condition': {
        const condition = item.located('condition');
        if (condition) rule.condition = mode === 'append' ? rule.condition.append(condition) : condition;
        return;
      }
      case 'output': {
        const output = item.located('output');
        if (output) rule.output = mode === 'append' ? rule.output.append(output) : output;
        return;
      }
      case 'desc': {
        const desc = item.text('desc')?.value ?? '';
        rule.desc = mode === 'append' ? `${rule.desc} ${desc}` : desc;
        return;
      }
      case 'tags': {
        const tags = (item.strings('tags') ?? []).map((t) => t.value);
        rule.tags = mode === 'append' ? [...rule.tags, ...tags.filter((t) => !rule.tags.includes(t))] : tags;
        return;
      }
      case 'exceptions': {
        const exceptions = this.exceptions(item, mode === 'append');
        if (mode === 'replace') {
          rule.exceptions = exceptions;
          return;
        }
        for (const exception of exceptions) {
          const same = rule.exceptions.find((e) => e.name === exception.name);
          if (same) {
            for (const tuple of exception.values) {
              if (tuple.parts.length !== same.fields.length) {
                throw new ItemError(
                  `a value of exception ${same.name} has ${tuple.parts.length} entries but the exception has ${same.fields.length} fields`,
                  tuple.pos,
                );
              }
            }
            same.values.push(...exception.values);
          } else if (exception.fields.length === 0) {
            throw new ItemError(
              `exception ${exception.name} has no fields and rule ${rule.name} has no exception by that name to append to`,
              exception.pos,
            );
          } else rule.exceptions.push(exception);
        }
        return;
      }
      case 'priority':
        rule.priority = this.priority(item);
        return;
      case 'enabled':
        rule.enabled = item.bool('enabled') ?? rule.enabled;
        return;
      case 'cloudwarden':
        rule.stateful = readStatefulDef(item);
        return;
      case 'skip-if-unknown-filter':
        rule.skipIfUnknownFilter = item.bool('skip-if-unknown-filter') ?? false;
        return;
      default:
        // warn_evttypes, capture, capture_duration: syscall-engine settings with no effect here
        return;
    }
  }

  private priority(item: Item): RuleDef['priority'] {
    const text = item.text('priority');
    if (text === undefined) throw new ItemError('rule has no priority', item.pos);
    const priority = parsePriority(text.value);
    if (!priority)
      throw new ItemError(`unknown priority "${text.value}" (expected one of ${PRIORITIES.join(', ')})`, text.pos);
    return priority;
  }

  private newRule(item: Item, name: string): RuleDef {
    const required = ['condition', 'output', 'desc', 'priority'];
    for (const key of required) {
      if (!item.has(key)) throw new ItemError(`rule ${name} has no ${key}`, item.pos);
    }
    return {
      name,
      pos: item.pos,
      file: item.source.file,
      desc: item.text('desc')?.value ?? '',
      condition: item.located('condition') as NonNullable<ReturnType<Item['located']>>,
      output: item.located('output') as NonNullable<ReturnType<Item['located']>>,
      priority: this.priority(item),
      source: item.text('source')?.value ?? 'syscall',
      tags: (item.strings('tags') ?? []).map((t) => t.value),
      enabled: item.bool('enabled') ?? true,
      exceptions: this.exceptions(item),
      skipIfUnknownFilter: item.bool('skip-if-unknown-filter') ?? false,
      stateful: readStatefulDef(item),
    };
  }

  /** `valuesOnly`: entries that append values to an existing exception may leave out fields and comps */
  private exceptions(item: Item, valuesOnly = false): ExceptionDef[] {
    const raw = item.raw('exceptions');
    if (raw === undefined || raw.node === null) return [];
    if (!isSeq(raw.node)) throw new ItemError('exceptions must be a list', raw.pos);
    return raw.node.items.map((entry) => this.exception(item, item.resolve(entry as Node | null), raw.pos, valuesOnly));
  }

  private exception(item: Item, node: Node | null, fallback: Pos, valuesOnly: boolean): ExceptionDef {
    const pos = item.nodePos(node, fallback);
    if (!isMap(node)) throw new ItemError('each exception must be a mapping with name, fields, comps and values', pos);
    const keys = new Map<string, Node | null>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const keyName = isScalar(key) ? String(key.value) : '';
      if (!['name', 'fields', 'comps', 'values'].includes(keyName))
        throw new ItemError(
          `unknown key "${keyName}" in exception (expected name, fields, comps, values)`,
          item.nodePos(key, pos),
        );
      keys.set(keyName, item.resolve((pair.value ?? null) as Node | null));
    }
    const nameNode = keys.get('name') ?? null;
    const name = scalarText(nameNode, item.nodePos(nameNode, pos), 'exception name').value;
    const fieldsNode = keys.get('fields') ?? null;
    const fieldsPos = item.nodePos(fieldsNode, pos);
    if (fieldsNode === null) {
      if (!valuesOnly) throw new ItemError(`exception ${name} has no fields`, pos);
      return {
        name,
        pos,
        fields: [],
        comps: [],
        values: this.tuples(item, keys.get('values') ?? null, pos, name, undefined),
      };
    }
    const single = !isSeq(fieldsNode);
    const fields = single
      ? [scalarText(fieldsNode, fieldsPos, 'exception fields')]
      : this.scalars(item, fieldsNode, fieldsPos, 'exception fields');
    const compsNode = keys.get('comps') ?? null;
    let comps: Located<string>[];
    if (compsNode === null) comps = fields.map((f) => ({ value: single ? 'in' : '=', pos: f.pos }));
    else if (isSeq(compsNode)) comps = this.scalars(item, compsNode, item.nodePos(compsNode, pos), 'exception comps');
    else comps = [scalarText(compsNode, item.nodePos(compsNode, pos), 'exception comps')];
    if (comps.length !== fields.length)
      throw new ItemError(
        `exception ${name} has ${fields.length} fields but ${comps.length} comps`,
        item.nodePos(compsNode, pos),
      );
    const valuesNode = keys.get('values') ?? null;
    const valuesPos = item.nodePos(valuesNode, pos);
    if (valuesNode === null) return { name, pos, fields, comps, values: [] };
    if (!isSeq(valuesNode)) throw new ItemError(`values of exception ${name} must be a list`, valuesPos);
    if (single) {
      const list = this.scalars(item, valuesNode, valuesPos, 'exception values');
      return {
        name,
        pos,
        fields,
        comps,
        values: list.length === 0 ? [] : [{ parts: [{ list, pos: valuesPos }], pos: valuesPos }],
      };
    }
    return { name, pos, fields, comps, values: this.tuples(item, valuesNode, pos, name, fields.length) };
  }

  /** `values` of a multi-field exception: one list per tuple, one entry (value or list) per field */
  private tuples(
    item: Item,
    valuesNode: Node | null,
    pos: Pos,
    name: string,
    width: number | undefined,
  ): ExceptionDef['values'] {
    const valuesPos = item.nodePos(valuesNode, pos);
    if (valuesNode === null) return [];
    if (!isSeq(valuesNode)) throw new ItemError(`values of exception ${name} must be a list`, valuesPos);
    return valuesNode.items.map((tupleRaw) => {
      const tuple = item.resolve(tupleRaw as Node | null);
      const tuplePos = item.nodePos(tuple, valuesPos);
      if (!isSeq(tuple))
        throw new ItemError(`each value of exception ${name} must be a list with one entry per field`, tuplePos);
      if (width !== undefined && tuple.items.length !== width)
        throw new ItemError(
          `a value of exception ${name} has ${tuple.items.length} entries but the exception has ${width} fields`,
          tuplePos,
        );
      const parts: ExceptionPart[] = tuple.items.map((partRaw) => {
        const part = item.resolve(partRaw as Node | null);
        const partPos = item.nodePos(part, tuplePos);
        return isSeq(part)
          ? { list: this.scalars(item, part, partPos, 'exception value'), pos: partPos }
          : scalarText(part, partPos, 'exception value');
      });
      return { parts, pos: tuplePos };
    });
  }

  private scalars(item: Item, node: Node, pos: Pos, what: string): Located<string>[] {
    if (!isSeq(node)) throw new ItemError(`${what} must be a list`, pos);
    return node.items.map((raw) => {
      const entry = item.resolve(raw as Node | null);
      return scalarText(entry, item.nodePos(entry, pos), what);
    });
  }
}
