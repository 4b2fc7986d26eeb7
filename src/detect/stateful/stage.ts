/**
 * The pipeline's stateful stage. Workers (or the main thread) match events and hand over each stateful rule's
 * matches with their keys; this stage, on the main thread, takes them in input order (the order results are put
 * back in), so the alerts are the same whatever the number of workers. It is the only holder of state.
 */
import { alertSlots, buildAlert } from '../engine/alert-build.ts';
import type { Alert, StatefulMatch } from '../engine/types.ts';
import type { CompiledRule } from '../rules/compiled.ts';
import { FirstSeenTracker, SequenceTracker, ThresholdTracker, type Tracker } from './trackers.ts';

/** a rule's state as saved: reused only by a rule with the same definition */
export interface SavedRuleState {
  fingerprint: string;
  state: unknown;
}

interface Slot {
  tracker: Tracker;
  fingerprint: string;
  rule: CompiledRule;
  /** alertSlots(rule): where each slot's value is in a match's values */
  alertSlots: number[];
}

function trackerFor(rule: CompiledRule): Tracker | undefined {
  const def = rule.stateful?.def;
  switch (def?.kind) {
    case 'threshold':
      return new ThresholdTracker(def);
    case 'first_seen':
      return new FirstSeenTracker(def);
    case 'sequence':
      return new SequenceTracker(def);
    default:
      return undefined;
  }
}

export class StatefulStage {
  private readonly slots = new Map<string, Slot>();
  private lastTimeText = '';
  private lastTime = Number.NaN;

  constructor(rules: readonly CompiledRule[]) {
    for (const rule of rules) {
      const tracker = rule.enabled ? trackerFor(rule) : undefined;
      if (tracker && rule.stateful)
        this.slots.set(rule.name, {
          tracker,
          fingerprint: rule.stateful.fingerprint,
          rule,
          alertSlots: alertSlots(rule),
        });
    }
  }

  /** are any stateful rules loaded? */
  get active(): boolean {
    return this.slots.size > 0;
  }

  /** A stateful rule's match as its alert, or undefined when it is none (most only update the state). */
  process(match: StatefulMatch): Alert | undefined {
    const slot = this.slots.get(match.rule);
    const time = this.timeOf(match.time);
    if (slot === undefined || Number.isNaN(time)) return undefined;
    const firing = slot.tracker.observe(time, match.hits, match.eventID);
    if (firing === undefined) return undefined;
    const { values } = match;
    const alert = buildAlert(slot.rule, (s) => values[slot.alertSlots.indexOf(s)], match);
    return {
      ...alert,
      output: `${alert.output} [${firing.note}]`,
      output_fields: { ...alert.output_fields, ...firing.fields },
    };
  }

  /** Date.parse of the eventTime; the matches of one event, and events of the same second, share the last answer */
  private timeOf(text: string): number {
    if (text !== this.lastTimeText) {
      this.lastTimeText = text;
      this.lastTime = Date.parse(text);
    }
    return this.lastTime;
  }

  save(): Record<string, SavedRuleState> {
    const out: Record<string, SavedRuleState> = {};
    for (const [name, slot] of this.slots) out[name] = { fingerprint: slot.fingerprint, state: slot.tracker.save() };
    return out;
  }

  /**
   * Takes saved state back. A rule whose definition changed starts afresh (a note says so); state of rules no
   * longer loaded is dropped. Throws an Error naming the rule when its saved state is malformed.
   */
  restore(saved: Record<string, SavedRuleState>, note: (line: string) => void): void {
    for (const [name, entry] of Object.entries(saved)) {
      const slot = this.slots.get(name);
      if (slot === undefined) continue;
      if (entry.fingerprint !== slot.fingerprint) {
        note(`rule "${name}": its cloudwarden: definition changed since the state was saved; its state starts afresh`);
        continue;
      }
      try {
        slot.tracker.load(entry.state);
      } catch (error) {
        throw new Error(`rules.${name}: ${(error as Error).message}`, { cause: error });
      }
    }
  }
}
