import type { FieldValue } from '../fields/event.ts';
import type { FieldReader } from '../fields/spec.ts';
import type { Priority } from '../engine/types.ts';
import type { StatefulDef } from '../stateful/definition.ts';

/** What a compiled condition reads fields through: one memoised slot per distinct field. */
export interface EvalContext {
  get(slot: number): FieldValue;
  /** the parsed record, for Sigma fields, which may reach into arrays and so have several values */
  readonly record: Record<string, unknown>;
}

export type Test = (e: EvalContext) => boolean;

/** Event names / sources a condition requires (undefined: any), and texts one of which the raw record must contain. */
export interface Pins {
  names?: Set<string>;
  sources?: Set<string>;
  needles?: Set<string>;
}

/** A stateful rule's key fields and, for a sequence, each step's extra condition (see src/detect/stateful/). */
export interface CompiledStateful {
  def: StatefulDef;
  /** the definition as one string: saved state is reused only under the same one */
  fingerprint: string;
  /** one step for threshold and first_seen */
  steps: { test?: Test; keySlots: number[] }[];
  /** first_seen `given`: the slots of the part of the key that must have history */
  givenSlots?: number[];
  /** threshold `distinct`: the slots whose values are counted */
  distinctSlots?: number[];
}

export type OutputPart = string | { slot: number; key: string };

export interface CompiledRule {
  /** load order; alerts for one event come out in this order */
  index: number;
  name: string;
  file: string;
  line: number;
  column: number;
  desc: string;
  priority: Priority;
  tags: string[];
  enabled: boolean;
  /** the rule's source as written (aws_cloudtrail, or k8s_audit for Cloud Connector rules), or sigma */
  declaredSource: string;
  /** a Sigma rule's id */
  id?: string;
  test: Test;
  output: OutputPart[];
  outputFields: { key: string; slot: number }[];
  pins: Pins;
  /** the `cloudwarden:` key: the rule's matches are counted, remembered or chained in the main thread */
  stateful?: CompiledStateful;
  /** the raw record must contain one of these for the rule to match (undefined: no such literal) */
  needles?: Needle[];
}

/**
 * A literal to look for in the raw text. A leading `"` is checked on the character before a hit rather
 * than searched for: V8 scans for a pattern's first character, and JSON is full of quotes.
 */
export interface Needle {
  search: string;
  quoteBefore: boolean;
}

export function needleOf(literal: string): Needle {
  return literal.startsWith('"') && literal.length > 1
    ? { search: literal.slice(1), quoteBefore: true }
    : { search: literal, quoteBefore: false };
}

const QUOTE = 34;

export function textHasNeedle(text: string, needle: Needle): boolean {
  let at = text.indexOf(needle.search);
  if (!needle.quoteBefore) return at >= 0;
  while (at >= 0) {
    if (text.charCodeAt(at - 1) === QUOTE) return true;
    at = text.indexOf(needle.search, at + 1);
  }
  return false;
}

/** Every field the compiled rules read, by slot. */
export class FieldSlots {
  readonly readers: FieldReader[] = [];
  readonly keys: string[] = [];
  private readonly byKey = new Map<string, number>();

  slot(key: string, read: FieldReader): number {
    let slot = this.byKey.get(key);
    if (slot === undefined) {
      slot = this.readers.length;
      this.readers.push(read);
      this.keys.push(key);
      this.byKey.set(key, slot);
    }
    return slot;
  }
}
