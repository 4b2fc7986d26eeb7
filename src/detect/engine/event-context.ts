import type { FieldEvent, FieldValue } from '../fields/event.ts';
import type { FieldReader } from '../fields/spec.ts';
import type { EvalContext } from '../rules/compiled.ts';

/**
 * One event as the compiled rules see it. Reused for every event of a matcher: a generation number
 * marks which memoised field values belong to the current event, so each field is extracted at most
 * once per event and nothing is allocated per field.
 */
export class EventContext implements FieldEvent, EvalContext {
  text = '';
  num = 0;
  record: Record<string, unknown> = {};
  private generation = 0;
  private readonly values: FieldValue[];
  private readonly stamps: Uint32Array;

  constructor(private readonly readers: readonly FieldReader[]) {
    this.values = new Array<FieldValue>(readers.length).fill(undefined);
    this.stamps = new Uint32Array(readers.length);
  }

  reset(text: string, num: number, record: Record<string, unknown>): void {
    this.text = text;
    this.num = num;
    this.record = record;
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  get(slot: number): FieldValue {
    if (this.stamps[slot] === this.generation) return this.values[slot];
    const value = (this.readers[slot] as FieldReader)(this);
    this.values[slot] = value;
    this.stamps[slot] = this.generation;
    return value;
  }
}
