/**
 * A stream read on the main thread (stdin, a large file or object) is cut into records here and handed on in
 * batches, so that the worker threads share the matching while the main thread only reads and splits.
 */
import { splitBytes } from './read-records.ts';
import type { RecordPlace } from './record-splitter.ts';
import type { BadRecord } from './task-result.ts';
import type { Task } from './task.ts';

const BATCH_RECORDS = 2000;
const BATCH_CHARS = 2 * 1024 * 1024;

/**
 * Calls `onBatch` for each full batch (and the last one), awaiting it: that is the backpressure.
 * `onBatch` returns false to stop reading. `readFailed` is true on the batch handed on after an I/O error.
 */
export async function splitBytesInto(
  input: AsyncIterable<Uint8Array>,
  onBatch: (batch: Task, size: number, readFailed: boolean) => Promise<boolean>,
): Promise<void> {
  let texts: string[] = [];
  let places: RecordPlace[] = [];
  let problems: BadRecord[] = [];
  let chars = 0;
  const take = (): Task => {
    const batch: Task = { kind: 'records', texts, places, problems };
    texts = [];
    places = [];
    problems = [];
    chars = 0;
    return batch;
  };
  const listener = {
    record(text: string, place: RecordPlace) {
      texts.push(text);
      places.push(place);
      chars += text.length;
    },
    problem(reason: string, place: RecordPlace) {
      problems.push({ reason, place });
    },
  };
  let going = true;
  const outcome = await splitBytes(input, listener, async () => {
    if (texts.length >= BATCH_RECORDS || chars >= BATCH_CHARS) {
      const size = chars;
      going = await onBatch(take(), size, false);
    }
    return going;
  });
  if (going && (texts.length > 0 || problems.length > 0 || !outcome.complete)) {
    const size = chars;
    await onBatch(take(), size, !outcome.complete);
  }
}
