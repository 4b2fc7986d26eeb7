/** What one detection task found; whole-file matching and the record splitter both produce it. */
import type { Alert, MatchOutcome, StatefulMatch } from '../engine/types.ts';
import type { RecordPlace } from './record-splitter.ts';

export interface BadRecord {
  reason: string;
  place: RecordPlace;
}

export interface TaskResult {
  events: number;
  /** events at least one rule condition was evaluated on */
  matched: number;
  alerts: Alert[];
  /** stateful rules' matches, each placed among `alerts` by its `before`, for the stateful stage to decide on */
  stateful?: StatefulMatch[];
  bad: number;
  /** the first bad record: reported once per source, with its place */
  firstBad?: BadRecord;
  /** false when the input could not be read to its end (I/O error): an SQS message is then kept */
  complete: boolean;
}

/** Appends one record's alerts and stateful matches, keeping each match's place among the task's alerts. */
export function addOutcome(result: TaskResult, outcome: MatchOutcome & { kind: 'ok' }): void {
  if (outcome.evaluated) result.matched++;
  const offset = result.alerts.length;
  for (const alert of outcome.alerts) result.alerts.push(alert);
  if (outcome.stateful === undefined) return;
  const list = (result.stateful ??= []);
  for (const match of outcome.stateful) {
    match.before += offset;
    list.push(match);
  }
}
