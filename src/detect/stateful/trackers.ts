/**
 * What each kind of stateful rule remembers per key, and when a match becomes an alert. Time is the event's
 * eventTime, never the clock, so that replaying the same files gives the same alerts. Every map is an LruMap
 * with the caps below (documented in docs/rules.md, "Stateful rules").
 */
import type { StatefulHit } from '../engine/types.ts';
import type { FirstSeenDef, SequenceDef, ThresholdDef } from './definition.ts';
import { LruMap } from './lru.ts';

export const THRESHOLD_KEYS_PER_RULE = 10_000;
export const SEQUENCE_KEYS_PER_RULE = 10_000;
export const FIRST_SEEN_KEYS_PER_RULE = 100_000;

/** extra output fields and a note for the output line, when the match is an alert */
export interface Firing {
  fields: Record<string, string | number | null>;
  note: string;
}

export interface Tracker {
  observe(time: number, hits: readonly StatefulHit[], eventId: string | null): Firing | undefined;
  /** plain JSON of what is still inside the rule's window */
  save(): unknown;
  /** throws an Error naming what is wrong */
  load(data: unknown): void;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function fail(what: string): never {
  throw new Error(what);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function objectOf(data: unknown, what: string): Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail(`${what} must be an object`);
  return data as Record<string, unknown>;
}

function entriesOf(data: unknown, what: string): unknown[][] {
  if (!Array.isArray(data) || !data.every((e) => Array.isArray(e) && typeof e[0] === 'string'))
    fail(`${what} must be a list of [key, ...] entries`);
  return data as unknown[][];
}

/**
 * `count` matches (or `distinct` values) by one key within `window`: one alert per burst, the burst lasting until a
 * window passes without a match.
 */
export class ThresholdTracker implements Tracker {
  /** key -> the latest counted entries (at most `count`, ascending by time) and the end of the burst last alerted on */
  private readonly keys = new LruMap<{ entries: Counted[]; quietAfter: number }>(THRESHOLD_KEYS_PER_RULE);
  private latest = -Infinity;

  constructor(private readonly def: ThresholdDef) {}

  observe(time: number, hits: readonly StatefulHit[]): Firing | undefined {
    const hit = hits[0] as StatefulHit;
    const { count, windowMs } = this.def;
    if (this.def.distinct && (hit.values === undefined || hit.values.length === 0)) return undefined;
    this.latest = Math.max(this.latest, time);
    const entry = this.keys.peek(hit.key) ?? { entries: [], quietAfter: -Infinity };
    for (const value of hit.values ?? [null]) insert(entry.entries, time, value);
    const entries = entry.entries;
    const newest = (entries[entries.length - 1] as Counted).time;
    while (entries.length > 0 && (entries[0] as Counted).time <= newest - windowMs) entries.shift();
    if (entries.length > count) entries.splice(0, entries.length - count);
    const inBurst = time <= entry.quietAfter;
    // every match of an alerted burst keeps it going: no second alert until it has been quiet for a window
    if (inBurst) entry.quietAfter = Math.max(entry.quietAfter, time + windowMs);
    this.keys.set(hit.key, entry);
    if (inBurst || entries.length < count) return undefined;
    entry.quietAfter = time + windowMs;
    const what = this.def.distinct ? 'distinct values' : 'matching events';
    return {
      fields: { 'cloudwarden.count': entries.length, 'cloudwarden.window_start': iso((entries[0] as Counted).time) },
      note: `${count} ${what} by one key within ${durationText(windowMs)}`,
    };
  }

  save(): unknown {
    const out: unknown[] = [];
    for (const [key, { entries, quietAfter }] of this.keys.entries()) {
      const live = entries.filter((e) => e.time > this.latest - this.def.windowMs).map((e) => [e.time, e.value]);
      if (live.length > 0 || quietAfter >= this.latest)
        out.push([key, live, Number.isFinite(quietAfter) ? quietAfter : null]);
    }
    return { keys: out };
  }

  load(data: unknown): void {
    for (const saved of entriesOf(objectOf(data, 'state').keys, 'keys')) {
      const [key, list, quietAfter] = saved as [string, unknown, unknown];
      const valid =
        Array.isArray(list) &&
        list.every((e) => Array.isArray(e) && isNumber(e[0]) && (e[1] === null || typeof e[1] === 'string'));
      if (!valid) fail(`entries of key ${key} must be [time, value or null] pairs`);
      if (quietAfter !== null && !isNumber(quietAfter)) fail(`quietAfter of key ${key} must be a number or null`);
      const entries: Counted[] = [];
      for (const [time, value] of list as [number, string | null][]) insert(entries, time, value);
      this.keys.set(key, { entries: entries.slice(-this.def.count), quietAfter: quietAfter ?? -Infinity });
      for (const e of entries) this.latest = Math.max(this.latest, e.time);
    }
  }
}

interface Counted {
  time: number;
  /** the distinct value, or null when events are counted */
  value: string | null;
}

/** Adds a match in time order; a distinct value seen before moves to its latest time. */
function insert(entries: Counted[], time: number, value: string | null): void {
  if (value !== null) {
    const at = entries.findIndex((e) => e.value === value);
    if (at >= 0) {
      if ((entries[at] as Counted).time >= time) return;
      entries.splice(at, 1);
    }
  }
  // events come in file order, nearly sorted by time: insert from the end
  let at = entries.length;
  while (at > 0 && (entries[at - 1] as Counted).time > time) at--;
  entries.splice(at, 0, { time, value });
}

function durationText(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
  ] as const)
    if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms / 1000}s`;
}

/**
 * A key not seen within `within`. With `given`, only for a key whose `given` part was seen before (a known session
 * from a new address); without it, only once the rule has watched `learn` of event time (before that, every key is new).
 */
export class FirstSeenTracker implements Tracker {
  private readonly seen = new LruMap<number>(FIRST_SEEN_KEYS_PER_RULE);
  private readonly givenSeen = new LruMap<number>(FIRST_SEEN_KEYS_PER_RULE);
  /** the earliest event time the rule has watched (for `learn`) */
  private since = Infinity;
  private latest = -Infinity;

  constructor(private readonly def: FirstSeenDef) {}

  observe(time: number, hits: readonly StatefulHit[]): Firing | undefined {
    const hit = hits[0] as StatefulHit;
    const { withinMs } = this.def;
    this.since = Math.min(this.since, time);
    this.latest = Math.max(this.latest, time);
    const last = this.seen.peek(hit.key);
    this.seen.set(hit.key, Math.max(last ?? time, time));
    const isNew = last === undefined || time - last > withinMs;
    let known = true;
    if (this.def.given) {
      const givenLast = hit.given === undefined ? undefined : this.givenSeen.peek(hit.given);
      known = givenLast !== undefined && time - givenLast <= withinMs && givenLast <= time;
      if (hit.given !== undefined) this.givenSeen.set(hit.given, Math.max(givenLast ?? time, time));
    }
    if (!isNew || !known || time - this.since < this.def.learnMs) return undefined;
    return {
      fields: { 'cloudwarden.last_seen': last === undefined ? null : iso(last) },
      note: last === undefined ? 'first seen' : `first seen since ${iso(last)}`,
    };
  }

  save(): unknown {
    const live = (map: LruMap<number>) => [...map.entries()].filter(([, t]) => t >= this.latest - this.def.withinMs);
    return {
      since: Number.isFinite(this.since) ? this.since : null,
      seen: live(this.seen),
      given: live(this.givenSeen),
    };
  }

  load(data: unknown): void {
    const state = objectOf(data, 'state');
    if (state.since !== null && !isNumber(state.since)) fail('since must be a number or null');
    if (isNumber(state.since)) this.since = state.since;
    for (const [name, map] of [
      ['seen', this.seen],
      ['given', this.givenSeen],
    ] as const) {
      for (const [key, time] of entriesOf(state[name], name)) {
        if (!isNumber(time)) fail(`${name}: the time of key ${key as string} must be a number`);
        map.set(key as string, time);
        this.latest = Math.max(this.latest, time);
      }
    }
  }
}

interface Progress {
  /** time of the first step */
  start: number;
  /** time of the latest step reached */
  at: number;
  firstId: string | null;
}

/** Step 0, then step 1, ... by the same key (each step's own `by` fields), all within `within` of step 0. */
export class SequenceTracker implements Tracker {
  /** key -> for each step but the last, the latest chain that reached it */
  private readonly keys = new LruMap<(Progress | null)[]>(SEQUENCE_KEYS_PER_RULE);
  private latest = -Infinity;

  constructor(private readonly def: SequenceDef) {}

  observe(time: number, hits: readonly StatefulHit[], eventId: string | null): Firing | undefined {
    const last = this.def.steps.length - 1;
    this.latest = Math.max(this.latest, time);
    let firing: Firing | undefined;
    // later steps first: an event that matches two steps does not chain with itself
    for (let i = hits.length - 1; i >= 0; i--) {
      const { step, key } = hits[i] as StatefulHit;
      const known = this.keys.get(key);
      // a later step of a key with no chain yet: nothing to advance (most instance-credential calls)
      if (known === undefined && step > 0) continue;
      const progress = known ?? new Array<Progress | null>(last).fill(null);
      if (step === 0) {
        progress[0] = { start: time, at: time, firstId: eventId };
        this.keys.set(key, progress);
        continue;
      }
      const before = progress[step - 1];
      if (!before || time < before.at || time - before.start > this.def.withinMs) continue;
      if (step < last) {
        progress[step] = { ...before, at: time };
        this.keys.set(key, progress);
        continue;
      }
      // one alert per chain
      progress[step - 1] = null;
      firing ??= {
        fields: { 'cloudwarden.first_time': iso(before.start), 'cloudwarden.first_event_id': before.firstId },
        note: `sequence started ${iso(before.start)}`,
      };
    }
    return firing;
  }

  save(): unknown {
    const out: unknown[] = [];
    for (const [key, progress] of this.keys.entries()) {
      if (progress.some((p) => p !== null && p.start >= this.latest - this.def.withinMs)) out.push([key, progress]);
    }
    return { keys: out };
  }

  load(data: unknown): void {
    const width = this.def.steps.length - 1;
    for (const [key, progress] of entriesOf(objectOf(data, 'state').keys, 'keys')) {
      if (!Array.isArray(progress) || progress.length !== width) fail(`key ${key as string} must have ${width} steps`);
      const steps = progress.map((p: unknown): Progress | null => {
        if (p === null) return null;
        const o = objectOf(p, `a step of key ${key as string}`);
        if (!isNumber(o.start) || !isNumber(o.at) || (o.firstId !== null && typeof o.firstId !== 'string'))
          fail(`a step of key ${key as string} must have start, at and firstId`);
        this.latest = Math.max(this.latest, o.at);
        return { start: o.start, at: o.at, firstId: o.firstId };
      });
      this.keys.set(key as string, steps);
    }
  }
}
