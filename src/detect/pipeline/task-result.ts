/** What one detection task found; whole-file matching and the record splitter both produce it. */
import type { Alert } from '../engine/types.ts';
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
  bad: number;
  /** the first bad record: reported once per source, with its place */
  firstBad?: BadRecord;
  /** false when the input could not be read to its end (I/O error): an SQS message is then kept */
  complete: boolean;
}
