/**
 * The hot path. For each raw record: read eventName (and eventSource, when some rule is pinned only
 * by source) from the text, pick the rules indexed under it, and only if there are any parse the
 * record and evaluate them, in load order. A record is skipped unparsed only when the raw reads must
 * agree with JSON.parse (raw-fields.ts); otherwise it is parsed and the parsed record decides.
 */
import type { FieldValue } from '../fields/event.ts';
import { type AlertEvent, alertSlots, buildAlert, stringOrNull } from './alert-build.ts';
import { type CompiledRule, type CompiledStateful, type Needle, textHasNeedle } from '../rules/compiled.ts';
import { EventContext } from './event-context.ts';
import { KeyCache } from './stateful-keys.ts';
import { hasEscapedAscii, memberFrom, rawStringMember, type TopMembers } from './raw-fields.ts';
import type { LoadedRules } from './loaded-rules.ts';
import type { Alert, Matcher, MatchOutcome, StatefulHit, StatefulMatch } from './types.ts';

const NO_RULES: readonly CompiledRule[] = [];
/** the answer for most records: shared and frozen, so the skip path allocates nothing */
const SKIPPED: MatchOutcome = Object.freeze({
  kind: 'ok',
  alerts: Object.freeze([]) as unknown as Alert[],
  evaluated: false,
});
const MAX_CACHED_COMBINATIONS = 10_000;

function byIndex(a: CompiledRule, b: CompiledRule): number {
  return a.index - b.index;
}

export class RuleMatcher implements Matcher {
  readonly ruleCount: number;
  private readonly byName = new Map<string, CompiledRule[]>();
  /** rules pinned by eventSource only, or not pinned at all: candidates for every name */
  private readonly everyName: CompiledRule[] = [];
  /** name -> candidates in load order, built on first sight of each name */
  private readonly combined = new Map<string, readonly CompiledRule[]>();
  private readonly context: EventContext;
  /** the candidates of the current record whose literals (and source) the raw text has (reused) */
  private readonly live: CompiledRule[] = [];
  private seen = 0;
  /** each distinct literal of the rules (the same text may be several Needle objects) and, per literal, the last record searched and the answer */
  private readonly needleIds = new Map<Needle, number>();
  private readonly needleRecord: Float64Array;
  private readonly needleFound: Uint8Array;
  /**
   * per stateful rule (by index), the slots its alert reads: what a StatefulMatch carries. Rules whose alerts read
   * the same slots share one list, and the matches of one event for them share one values array.
   */
  private readonly statefulSlots = new Map<number, number[]>();
  /** per key slot list (each step's `by`, a first_seen's `given`), the keys already built */
  private readonly keyCaches = new Map<readonly number[], KeyCache>();
  private readonly getSlot: (slot: number) => FieldValue;

  constructor(rules: LoadedRules) {
    const enabled = rules.rules.filter((r) => r.enabled);
    this.ruleCount = enabled.length;
    const idOfText = new Map<string, number>();
    for (const rule of enabled) {
      for (const needle of rule.needles ?? []) {
        const text = `${needle.quoteBefore ? '"' : ''}${needle.search}`;
        let id = idOfText.get(text);
        if (id === undefined) idOfText.set(text, (id = idOfText.size));
        this.needleIds.set(needle, id);
      }
    }
    this.needleRecord = new Float64Array(idOfText.size).fill(-1);
    this.needleFound = new Uint8Array(idOfText.size);
    for (const rule of enabled) {
      if (rule.pins.names) {
        for (const name of rule.pins.names) push(this.byName, name, rule);
      } else {
        this.everyName.push(rule);
      }
    }
    this.context = new EventContext(rules.slots.readers);
    const context = this.context;
    this.getSlot = (slot) => context.get(slot);
    const slotLists = new Map<string, number[]>();
    for (const rule of enabled) {
      if (!rule.stateful) continue;
      const slots = alertSlots(rule);
      const text = slots.join(',');
      if (!slotLists.has(text)) slotLists.set(text, slots);
      this.statefulSlots.set(rule.index, slotLists.get(text)!);
      for (const step of rule.stateful.steps) this.keyCaches.set(step.keySlots, new KeyCache());
      if (rule.stateful.givenSlots) this.keyCaches.set(rule.stateful.givenSlots, new KeyCache());
    }
  }

  /** The rules an event with this name may match, in load order. */
  private candidates(name: string): readonly CompiledRule[] {
    const named = this.byName.get(name);
    if (this.everyName.length === 0) return named ?? NO_RULES;
    if (named === undefined) return this.everyName;
    let list = this.combined.get(name);
    if (list === undefined) {
      list = [...named, ...this.everyName].sort(byIndex);
      // names come from the input: a stream of made-up names must not grow the cache without bound
      if (this.combined.size < MAX_CACHED_COMBINATIONS) this.combined.set(name, list);
    }
    return list;
  }

  /**
   * Keeps the candidates whose source (for rules pinned by eventSource only) matches and whose required literals
   * (if any) occur in the raw text. The source is checked first: it is read once per record, while each literal is a
   * search of the whole text; a literal several rules require is searched once per record.
   */
  private filterLive(rules: readonly CompiledRule[], text: string, members: TopMembers | undefined): CompiledRule[] {
    const live = this.live;
    live.length = 0;
    let source: string | null | undefined;
    let sourceRead = false;
    const record = this.seen;
    for (const rule of rules) {
      const sources = rule.pins.names ? undefined : rule.pins.sources;
      if (sources !== undefined) {
        if (!sourceRead) {
          source = members
            ? memberFrom(text, members.sourceStart, members.sourceEnd)
            : rawStringMember(text, '"eventSource"');
          sourceRead = true;
        }
        // an escaped source cannot be read raw: let the parsed record decide
        if (typeof source === 'string' && !sources.has(source)) continue;
      }
      const needles = rule.needles;
      if (needles !== undefined && !this.hasOneOf(needles, text, record)) continue;
      live.push(rule);
    }
    return live;
  }

  /** Whether the text holds one of the needles; each needle's answer is kept for the rest of this record. */
  private hasOneOf(needles: readonly Needle[], text: string, record: number): boolean {
    for (const needle of needles) {
      const id = this.needleIds.get(needle)!;
      if (this.needleRecord[id] !== record) {
        this.needleRecord[id] = record;
        this.needleFound[id] = textHasNeedle(text, needle) ? 1 : 0;
      }
      if (this.needleFound[id] === 1) return true;
    }
    return false;
  }

  matchRaw(text: string, members?: TopMembers): MatchOutcome {
    this.seen += 1;
    const rawReadable = members ? !members.escapedAscii : !hasEscapedAscii(text);
    let name = !rawReadable
      ? null
      : members
        ? memberFrom(text, members.nameStart, members.nameEnd)
        : rawStringMember(text, '"eventName"');
    if (name === undefined) return { kind: 'bad', reason: 'record has no eventName' };
    if (name !== null) {
      const rules = this.filterLive(this.candidates(name), text, members);
      if (rules.length === 0) {
        if (text.indexOf('"eventTime"') < 0) return { kind: 'bad', reason: 'record has no eventTime' };
        return SKIPPED;
      }
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      return { kind: 'bad', reason: `invalid JSON: ${(error as Error).message}` };
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record))
      return { kind: 'bad', reason: 'record is not a JSON object' };
    const fields = record as Record<string, unknown>;
    if (typeof fields.eventName !== 'string') return { kind: 'bad', reason: 'record has no eventName' };
    if (typeof fields.eventTime !== 'string') return { kind: 'bad', reason: 'record has no eventTime' };
    // the raw read can miss (escaped name, a repeated or nested key); the parsed record is the truth
    name = fields.eventName;
    // escaped text hides literals and the source from a raw look: every candidate is evaluated on the parsed record
    const rules = rawReadable ? this.filterLive(this.candidates(name), text, members) : this.candidates(name);
    return this.evaluate(rules, text, fields);
  }

  matchRecord(fields: Record<string, unknown>): MatchOutcome {
    this.seen += 1;
    if (typeof fields.eventName !== 'string' || typeof fields.eventTime !== 'string')
      return {
        kind: 'bad',
        reason: `record has no ${typeof fields.eventName !== 'string' ? 'eventName' : 'eventTime'}`,
      };
    return this.evaluate(this.sourceLive(this.candidates(fields.eventName), fields.eventSource), '', fields);
  }

  /** The candidates a parsed record's eventSource leaves (no text: the literals are not searched, the conditions decide). */
  private sourceLive(rules: readonly CompiledRule[], source: unknown): readonly CompiledRule[] {
    if (typeof source !== 'string') return rules;
    const live = this.live;
    live.length = 0;
    for (const rule of rules) {
      const sources = rule.pins.names ? undefined : rule.pins.sources;
      if (sources === undefined || sources.has(source)) live.push(rule);
    }
    return live;
  }

  private evaluate(rules: readonly CompiledRule[], text: string, fields: Record<string, unknown>): MatchOutcome {
    if (rules.length === 0) return SKIPPED;
    const ctx = this.context;
    ctx.reset(text, this.seen, fields);
    let alerts: Alert[] | undefined;
    let stateful: StatefulMatch[] | undefined;
    let lastSlots: number[] | undefined;
    let lastValues: FieldValue[] = [];
    for (const rule of rules) {
      if (!rule.test(ctx)) continue;
      if (rule.stateful === undefined) {
        (alerts ??= []).push(buildAlert(rule, this.getSlot, eventOf(fields)));
        continue;
      }
      const hits = this.statefulHits(rule.stateful);
      if (hits.length === 0) continue;
      const slots = this.statefulSlots.get(rule.index)!;
      if (slots !== lastSlots) {
        lastSlots = slots;
        lastValues = new Array<FieldValue>(slots.length);
        for (let i = 0; i < slots.length; i++) lastValues[i] = ctx.get(slots[i]!);
      }
      const values = lastValues;
      (stateful ??= []).push({
        rule: rule.name,
        time: fields.eventTime as string,
        eventID: stringOrNull(fields.eventID),
        eventName: stringOrNull(fields.eventName),
        awsRegion: stringOrNull(fields.awsRegion),
        recipientAccountId: stringOrNull(fields.recipientAccountId),
        values,
        hits,
        before: alerts?.length ?? 0,
      });
    }
    return stateful === undefined
      ? { kind: 'ok', alerts: alerts ?? [], evaluated: true }
      : { kind: 'ok', alerts: alerts ?? [], stateful, evaluated: true };
  }

  /** The key of each step the event matches; a step whose key fields are not all in the event does not count. */
  private statefulHits(stateful: CompiledStateful): StatefulHit[] {
    const hits: StatefulHit[] = [];
    const { steps, givenSlots, distinctSlots } = stateful;
    for (let index = 0; index < steps.length; index++) {
      const step = steps[index]!;
      if (step.test && !step.test(this.context)) continue;
      const key = this.keyCaches.get(step.keySlots)!.keyOf(step.keySlots, this.getSlot);
      if (key === undefined) continue;
      const hit: StatefulHit = { step: index, key };
      if (givenSlots) {
        const given = this.keyCaches.get(givenSlots)!.keyOf(givenSlots, this.getSlot);
        if (given !== undefined) hit.given = given;
      }
      if (distinctSlots) hit.values = distinctValues(distinctSlots, this.context);
      hits.push(hit);
    }
    return hits;
  }
}

function eventOf(record: Record<string, unknown>): AlertEvent {
  return {
    time: record.eventTime as string,
    eventID: stringOrNull(record.eventID),
    eventName: stringOrNull(record.eventName),
    awsRegion: stringOrNull(record.awsRegion),
    recipientAccountId: stringOrNull(record.recipientAccountId),
  };
}

/** json.value gives an array as its JSON text: each element is a value of its own (GetParameters names) */
function distinctValues(slots: readonly number[], ctx: EventContext): string[] {
  const values: string[] = [];
  for (const slot of slots) {
    const value = ctx.get(slot);
    if (value === undefined || value === '') continue;
    if (typeof value === 'string' && value.startsWith('[')) {
      let list: unknown;
      try {
        list = JSON.parse(value);
      } catch {
        list = undefined;
      }
      if (Array.isArray(list)) {
        for (const element of list) values.push(typeof element === 'string' ? element : JSON.stringify(element));
        continue;
      }
    }
    values.push(String(value));
  }
  return values;
}

function push(map: Map<string, CompiledRule[]>, key: string, rule: CompiledRule): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}
