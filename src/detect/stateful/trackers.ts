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
  if (!Array.isArray(data) || !data.every((e) => Array.isArray(e) && typeof e[0] === 'string')) fail(`${what} must be a list of [key, ...] entries`);
  return data as unknown[][];
}

/** `count` matches by one key within `window`: one alert per burst, the burst lasting until a window passes without a match. */
export class ThresholdTracker implements Tracker {
  /** key -> the latest event times (at most `count`, ascending) and the end of the burst last alerted on */
  private readonly keys = new LruMap<{ times: number[]; quietAfter: number }>(THRESHOLD_KEYS_PER_RULE);
  private latest = -Infinity;

  constructor(private readonly def: ThresholdDef) {}

  observe(time: number, hits: readonly StatefulHit[]): Firing | undefined {
    const hit = hits[0] as StatefulHit;
    const { count, windowMs } = this.def;
    this.latest = Math.max(this.latest, time);
    const entry = this.keys.get(hit.key) ?? { times: [], quietAfter: -Infinity };
    const times = entry.times;
    // events come in file order, nearly sorted by time: insert from the end
    let at = times.length;
    while (at > 0 && (times[at - 1] as number) > time) at--;
    times.splice(at, 0, time);
    const newest = times[times.length - 1] as number;
    while (times.length > 0 && (times[0] as number) <= newest - windowMs) times.shift();
    if (times.length > count) times.splice(0, times.length - count);
    const inBurst = time <= entry.quietAfter;
    // every match of an alerted burst keeps it going: no second alert until it has been quiet for a window
    if (inBurst) entry.quietAfter = Math.max(entry.quietAfter, time + windowMs);
    this.keys.set(hit.key, entry);
    if (inBurst || times.length < count) return undefined;
    entry.quietAfter = time + windowMs;
    const first = times[0] as number;
    return {
      fields: { 'cloudwarden.count': times.length, 'cloudwarden.window_start': iso(first) },
      note: `${count} matching events by this key within ${this.windowText()}`,
    };
  }

  private windowText(): string {
    const ms = this.def.windowMs;
    for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000]] as const) if (ms % size === 0) return `${ms / size}${unit}`;
    return `${ms / 1000}s`;
  }

  save(): unknown {
    const out: unknown[] = [];
    for (const [key, { times, quietAfter }] of this.keys.entries()) {
      const live = times.filter((t) => t > this.latest - this.def.windowMs);
      if (live.length > 0 || quietAfter >= this.latest) out.push([key, live, Number.isFinite(quietAfter) ? quietAfter : null]);
    }
    return { keys: out };
  }

  load(data: unknown): void {
    for (const entry of entriesOf(objectOf(data, 'state').keys, 'keys')) {
      const [key, times, quietAfter] = entry as [string, unknown, unknown];
      if (!Array.isArray(times) || !times.every(isNumber)) fail(`times of key ${key} must be numbers`);
      if (quietAfter !== null && !isNumber(quietAfter)) fail(`quietAfter of key ${key} must be a number or null`);
      const sorted = [...times].sort((a, b) => a - b).slice(-this.def.count);
      this.keys.set(key, { times: sorted, quietAfter: quietAfter ?? -Infinity });
      this.latest = Math.max(this.latest, ...sorted);
    }
  }
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
    const last = this.seen.get(hit.key);
    this.seen.set(hit.key, Math.max(last ?? time, time));
    const isNew = last === undefined || time - last > withinMs;
    let known = true;
    if (this.def.given) {
      const givenLast = hit.given === undefined ? undefined : this.givenSeen.get(hit.given);
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
    return { since: Number.isFinite(this.since) ? this.since : null, seen: live(this.seen), given: live(this.givenSeen) };
  }

  load(data: unknown): void {
    const state = objectOf(data, 'state');
    if (state.since !== null && !isNumber(state.since)) fail('since must be a number or null');
    if (isNumber(state.since)) this.since = state.since;
    for (const [name, map] of [['seen', this.seen], ['given', this.givenSeen]] as const) {
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
      const progress = this.keys.get(key) ?? new Array<Progress | null>(last).fill(null);
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
        if (!isNumber(o.start) || !isNumber(o.at) || (o.firstId !== null && typeof o.firstId !== 'string')) fail(`a step of key ${key as string} must have start, at and firstId`);
        this.latest = Math.max(this.latest, o.at);
        return { start: o.start, at: o.at, firstId: o.firstId };
      });
      this.keys.set(key as string, steps);
    }
  }
}
