/**
 * The keys of stateful matches (JSON array texts of field values, the form saved in --state files), each built once
 * per distinct tuple of values and handed out again after. A busy account repeats the same few (role session,
 * address) pairs for every call its instances make: a reused key string is not rebuilt, and the stage's map lookups
 * on it hit the hash V8 cached in the string the first time, instead of concatenating and hashing a fresh one per
 * match. Keys are looked up by the field values themselves (a Map tells 1 from "1", as JSON does).
 */
import type { FieldValue } from '../fields/event.ts';

/** past this many cached keys the cache starts afresh: keys come from events, an attacker could make up any number */
export const MAX_CACHED_KEYS = 50_000;

type Level = Map<FieldValue, Level | string>;

export class KeyCache {
  private root: Level = new Map();
  private size = 0;

  constructor(private readonly cap = MAX_CACHED_KEYS) {}

  /** the key of these slots' values, or undefined when one is missing or empty (such an event has no key) */
  keyOf(slots: readonly number[], get: (slot: number) => FieldValue): string | undefined {
    if (slots.length === 0) return '[]';
    let level = this.root;
    const last = slots.length - 1;
    for (let i = 0; i < last; i++) {
      const value = get(slots[i]!);
      if (value === undefined || value === '') return undefined;
      let next = level.get(value) as Level | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const value = get(slots[last]!);
    if (value === undefined || value === '') return undefined;
    const known = level.get(value) as string | undefined;
    if (known !== undefined) return known;
    const key = buildKey(slots, get);
    if (this.size >= this.cap) {
      // starting afresh drops the path just walked: build it again in the new root
      this.root = new Map();
      this.size = 0;
      return this.keyOf(slots, get);
    }
    level.set(value, key);
    this.size++;
    return key;
  }
}

/** JSON.stringify of the values as an array, without building the array */
function buildKey(slots: readonly number[], get: (slot: number) => FieldValue): string {
  let key = '[';
  for (let i = 0; i < slots.length; i++) key += (i === 0 ? '' : ',') + JSON.stringify(get(slots[i]!));
  return `${key}]`;
}
