/**
 * The cloudwarden-only `cloudwarden:` key of a rule: what a stateful rule counts, remembers or chains, read from
 * YAML with the file:line:col of every bad key or value. Falco reads none of it (see docs/rules.md, "Stateful rules").
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { ItemError } from '../rules/diagnostics.ts';
import { LocatedText, type Pos } from '../rules/located.ts';
import type { Item, Located } from '../rules/yaml-items.ts';
import { scalarText } from '../rules/yaml-items.ts';

/** the most events a threshold may ask for: each key keeps at most this many event times */
export const MAX_THRESHOLD_COUNT = 1000;
export const MAX_SEQUENCE_STEPS = 5;
/** windows longer than this would keep state for longer than CloudTrail keeps events (90 days) */
export const MAX_WINDOW_MS = 90 * 24 * 3600_000;

export interface ThresholdDef {
  kind: 'threshold';
  count: number;
  windowMs: number;
  by: Located<string>[];
  /** count distinct values of these fields (a JSON array counts each element) instead of matching events */
  distinct?: Located<string>[];
}

export interface FirstSeenDef {
  kind: 'first_seen';
  withinMs: number;
  by: Located<string>[];
  /** alert only for a `by` key whose `given` part was already seen (a new IP for a session with history) */
  given?: Located<string>[];
  /** no alert until the rule has watched this much event time (default: `within`, or 0 with `given`) */
  learnMs: number;
}

export interface SequenceStepDef {
  condition: LocatedText;
  by: Located<string>[];
}

export interface SequenceDef {
  kind: 'sequence';
  withinMs: number;
  steps: SequenceStepDef[];
}

export type StatefulDef = ThresholdDef | FirstSeenDef | SequenceDef;

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `5m`, `1h`, `30d`: a whole number and one unit. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * (UNITS[match[2] as string] as number);
}

/** The stateful part of a rule as one string: state saved under another definition is not reused. */
export function fingerprintOf(def: StatefulDef): string {
  const fields = (list: Located<string>[] | undefined) => list?.map((f) => f.value);
  switch (def.kind) {
    case 'threshold':
      return JSON.stringify([def.kind, def.count, def.windowMs, fields(def.by), fields(def.distinct) ?? null]);
    case 'first_seen':
      return JSON.stringify([def.kind, def.withinMs, def.learnMs, fields(def.by), fields(def.given) ?? null]);
    case 'sequence':
      return JSON.stringify([def.kind, def.withinMs, def.steps.map((s) => [s.condition.text, fields(s.by)])]);
  }
}

class MapReader {
  readonly entries = new Map<string, { node: Node | null; keyPos: Pos }>();

  constructor(
    private readonly item: Item,
    node: Node | null,
    readonly pos: Pos,
    readonly what: string,
    allowed: readonly string[],
  ) {
    if (!isMap(node)) throw new ItemError(`${what} must be a mapping`, pos);
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const keyPos = item.nodePos(key, pos);
      const name = isScalar(key) ? String(key.value) : '';
      if (!allowed.includes(name))
        throw new ItemError(`unknown key "${name}" in ${what} (expected one of: ${allowed.join(', ')})`, keyPos);
      this.entries.set(name, { node: item.resolve((pair.value ?? null) as Node | null), keyPos });
    }
  }

  private where(key: string): Pos {
    const entry = this.entries.get(key);
    return entry ? this.item.nodePos(entry.node, entry.keyPos) : this.pos;
  }

  require(key: string): Node | null {
    const entry = this.entries.get(key);
    if (!entry) throw new ItemError(`${this.what} has no ${key}`, this.pos);
    return entry.node;
  }

  /** `zero`: 0s is allowed (a learning period that may be switched off) */
  duration(key: string, zero = false): number {
    const node = this.require(key);
    const text = scalarText(node, this.where(key), `${this.what}.${key}`);
    const ms = parseDuration(text.value);
    if (ms === undefined || (ms === 0 && !zero))
      throw new ItemError(
        `${this.what}.${key} "${text.value}" is not a duration (a ${zero ? 'whole' : 'positive whole'} number and s, m, h or d: 90s, 5m, 1h, 30d)`,
        text.pos,
      );
    if (ms > MAX_WINDOW_MS)
      throw new ItemError(
        `${this.what}.${key} "${text.value}" is longer than 90d (CloudTrail keeps 90 days of events)`,
        text.pos,
      );
    return ms;
  }

  fields(key: string, required = true): Located<string>[] | undefined {
    if (!this.entries.has(key) && !required) return undefined;
    const node = this.require(key);
    const pos = this.where(key);
    if (!isSeq(node) || node.items.length === 0)
      throw new ItemError(`${this.what}.${key} must be a list of one or more fields`, pos);
    return node.items.map((raw) => {
      const entry = this.item.resolve(raw as Node | null);
      return scalarText(entry, this.item.nodePos(entry, pos), `each field of ${this.what}.${key}`);
    });
  }

  count(key: string): number {
    const node = this.require(key);
    const pos = this.where(key);
    const value = isScalar(node) ? Number(node.value) : Number.NaN;
    if (!Number.isInteger(value) || value < 2 || value > MAX_THRESHOLD_COUNT) {
      throw new ItemError(`${this.what}.${key} must be a whole number from 2 to ${MAX_THRESHOLD_COUNT}`, pos);
    }
    return value;
  }

  located(key: string): LocatedText {
    const node = this.require(key);
    const pos = this.where(key);
    if (!isScalar(node) || node.value === null || typeof node.value === 'object')
      throw new ItemError(`${this.what}.${key} must be a string`, pos);
    const source = this.item.source;
    const block = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL';
    return node.range
      ? LocatedText.fromScalar(source, node.range, node.toString(), block)
      : LocatedText.at(node.toString(), pos);
  }
}

const KINDS = ['threshold', 'first_seen', 'sequence'] as const;

/** Reads `cloudwarden:` of a rule item; undefined when the rule has none. */
export function readStatefulDef(item: Item): StatefulDef | undefined {
  const raw = item.raw('cloudwarden');
  if (raw === undefined) return undefined;
  const top = new MapReader(item, raw.node, raw.pos, 'cloudwarden', KINDS);
  const kinds = [...top.entries.keys()];
  if (kinds.length !== 1) throw new ItemError(`cloudwarden must hold exactly one of ${KINDS.join(', ')}`, raw.pos);
  const kind = kinds[0] as (typeof KINDS)[number];
  const entry = top.entries.get(kind) as { node: Node | null; keyPos: Pos };
  const pos = item.nodePos(entry.node, entry.keyPos);
  const what = `cloudwarden.${kind}`;
  switch (kind) {
    case 'threshold': {
      const map = new MapReader(item, entry.node, pos, what, ['count', 'window', 'by', 'distinct']);
      const distinct = map.fields('distinct', false);
      return {
        kind,
        count: map.count('count'),
        windowMs: map.duration('window'),
        by: map.fields('by') as Located<string>[],
        ...(distinct ? { distinct } : {}),
      };
    }
    case 'first_seen': {
      const map = new MapReader(item, entry.node, pos, what, ['by', 'within', 'given', 'learn']);
      const by = map.fields('by') as Located<string>[];
      const given = map.fields('given', false);
      if (given) {
        for (const field of given) {
          if (!by.some((b) => b.value === field.value))
            throw new ItemError(`${what}.given field ${field.value} is not one of the by fields`, field.pos);
        }
        if (given.length === by.length)
          throw new ItemError(`${what}.given must leave out at least one of the by fields`, map.pos);
      }
      const withinMs = map.duration('within');
      const learnMs = map.entries.has('learn') ? map.duration('learn', true) : given ? 0 : withinMs;
      return { kind, withinMs, by, ...(given ? { given } : {}), learnMs };
    }
    case 'sequence': {
      const map = new MapReader(item, entry.node, pos, what, ['steps', 'by', 'within']);
      const withinMs = map.duration('within');
      const by = map.fields('by', false);
      const stepsNode = map.require('steps');
      const stepsPos = item.nodePos(stepsNode, pos);
      if (!isSeq(stepsNode) || stepsNode.items.length < 2 || stepsNode.items.length > MAX_SEQUENCE_STEPS) {
        throw new ItemError(`${what}.steps must be a list of 2 to ${MAX_SEQUENCE_STEPS} steps`, stepsPos);
      }
      const steps = stepsNode.items.map((raw, i): SequenceStepDef => {
        const node = item.resolve(raw as Node | null);
        const stepPos = item.nodePos(node, stepsPos);
        const step = new MapReader(item, node, stepPos, `${what}.steps[${i}]`, ['condition', 'by']);
        const stepBy = step.fields('by', false) ?? by;
        if (!stepBy) throw new ItemError(`${what}.steps[${i}] has no by and the sequence has no by to share`, stepPos);
        return { condition: step.located('condition'), by: stepBy };
      });
      const width = steps[0]?.by.length;
      steps.forEach((step, i) => {
        if (step.by.length !== width)
          throw new ItemError(
            `${what}.steps[${i}].by has ${step.by.length} fields but steps[0].by has ${width}: the keys are compared field by field`,
            step.by[0]?.pos ?? stepsPos,
          );
      });
      return { kind, withinMs, steps };
    }
  }
}
