/**
 * The pipeline's stateful stage. Workers (or the main thread) match events and hand over each stateful rule's
 * matches with their keys; this stage, on the main thread, takes them in input order (the order results are put
 * back in), so the alerts are the same whatever the number of workers. It is the only holder of state.
 */
import type { Alert } from '../engine/types.ts';
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

  constructor(rules: readonly CompiledRule[]) {
    for (const rule of rules) {
      const tracker = rule.enabled ? trackerFor(rule) : undefined;
      if (tracker && rule.stateful) this.slots.set(rule.name, { tracker, fingerprint: rule.stateful.fingerprint });
    }
  }

  /** are any stateful rules loaded? */
  get active(): boolean {
    return this.slots.size > 0;
  }

  /** An alert of a stateless rule as it is; a stateful rule's match as its alert, or undefined when it is none. */
  process(alert: Alert): Alert | undefined {
    const hits = alert.stateful;
    if (hits === undefined) return alert;
    const slot = this.slots.get(alert.rule);
    const time = Date.parse(alert.time);
    if (slot === undefined || Number.isNaN(time)) return undefined;
    const firing = slot.tracker.observe(time, hits, alert.eventID);
    // most matches only update the state: the alert is copied only for the few that fire
    if (firing === undefined) return undefined;
    const { stateful: _hits, ...plain } = alert;
    return {
      ...plain,
      output: `${plain.output} [${firing.note}]`,
      output_fields: { ...plain.output_fields, ...firing.fields },
    };
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
