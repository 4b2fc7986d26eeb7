/** Runs records through a matcher and the stateful stage, as the pipeline does on the main thread. */
import type { Alert, Matcher, StatefulMatch } from '../../../src/detect/engine/types.ts';
import type { LoadedRules } from '../../../src/detect/engine/loaded-rules.ts';
import { compileMatcher } from '../../../src/detect/engine/index.ts';
import { StatefulStage } from '../../../src/detect/stateful/stage.ts';

export class StatefulRun {
  readonly matcher: Matcher;
  readonly stage: StatefulStage;

  constructor(rules: LoadedRules) {
    this.matcher = compileMatcher(rules);
    this.stage = new StatefulStage(rules.rules);
  }

  /** the alerts of these records, in order */
  feed(records: readonly Record<string, unknown>[]): Alert[] {
    const out: Alert[] = [];
    for (const record of records) {
      const outcome = this.matcher.matchRaw(JSON.stringify(record));
      if (outcome.kind !== 'ok') throw new Error(outcome.reason);
      // an event's alerts in the rules' load order: each stateful match goes before the alert its `before` counts to
      const stateful = [...(outcome.stateful ?? [])];
      outcome.alerts.forEach((alert, i) => {
        while (stateful.length > 0 && stateful[0]!.before <= i) this.fire(stateful.shift()!, out);
        out.push(alert);
      });
      for (const match of stateful) this.fire(match, out);
    }
    return out;
  }

  private fire(match: StatefulMatch, out: Alert[]): void {
    const alert = this.stage.process(match);
    if (alert) out.push(alert);
  }
}

/** `2024-09-12T10:00:00Z` plus `seconds` */
export function at(seconds: number, base = '2024-09-12T10:00:00Z'): string {
  return new Date(Date.parse(base) + seconds * 1000).toISOString().replace('.000Z', 'Z');
}
