/**
 * A unit of detection work and its result. Tasks are plain data so that they cross a worker-thread boundary:
 * a local file (the worker opens it), the bytes of an object (read by a source on the main thread), or a batch
 * of record texts already cut from a stream.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { TopMembers } from '../engine/raw-fields.ts';
import type { Matcher } from '../engine/types.ts';
import { splitBytes } from './read-records.ts';
import type { RecordPlace } from './record-splitter.ts';
import { addOutcome, type BadRecord, type TaskResult } from './task-result.ts';
import { matchWholeFile } from './whole-file.ts';

export type Task =
  | { kind: 'file'; path: string }
  | { kind: 'bytes'; data: Uint8Array }
  /** `problems`: what the splitter found wrong in the same stretch of the stream */
  | { kind: 'records'; texts: string[]; places: RecordPlace[]; problems: BadRecord[] };

export interface TaskOptions {
  /** stop at the first bad record */
  strict: boolean;
}

const READ_CHUNK = 256 * 1024;

export async function runTask(task: Task, matcher: Matcher, options: TaskOptions): Promise<TaskResult> {
  const result: TaskResult = { events: 0, matched: 0, alerts: [], bad: 0, complete: true };
  const bad = (reason: string, place: RecordPlace): void => {
    result.bad++;
    result.firstBad ??= { reason, place };
  };
  const stopped = (): boolean => options.strict && result.bad > 0;
  const record = (text: string, place: RecordPlace, members?: TopMembers): void => {
    if (stopped()) return;
    result.events++;
    const outcome = matcher.matchRaw(text, members);
    if (outcome.kind === 'bad') {
      bad(outcome.reason, place);
      return;
    }
    addOutcome(result, outcome);
  };
  const listener = {
    record,
    problem: (reason: string, place: RecordPlace) => (stopped() ? undefined : bad(reason, place)),
  };

  switch (task.kind) {
    case 'records':
      for (const problem of task.problems) bad(problem.reason, problem.place);
      for (let i = 0; i < task.texts.length && !stopped(); i++) record(task.texts[i]!, task.places[i]!);
      break;
    case 'bytes':
      return matchWholeFile(task.data, matcher) ?? (await splitData(task.data));
    case 'file': {
      // a read error is reported by the streaming read below, as for a file that fails half-way
      const data = matcher.matchRecord ? await readFile(task.path).catch(() => undefined) : undefined;
      if (data) return matchWholeFile(data, matcher) ?? (await splitData(data));
      result.complete = (
        await splitBytes(createReadStream(task.path, { highWaterMark: READ_CHUNK }), listener, () => !stopped())
      ).complete;
      break;
    }
  }
  return result;

  async function splitData(data: Uint8Array): Promise<TaskResult> {
    result.complete = (await splitBytes(once(data), listener, () => !stopped())).complete;
    return result;
  }
}

async function* once(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}

export function emptyResult(): TaskResult {
  return { events: 0, matched: 0, alerts: [], bad: 0, complete: true };
}

/** `record 17` / `line 5`, or nothing for a problem of the whole input */
export function describePlace(place: RecordPlace): string {
  if (place.line !== undefined) return `line ${place.line}`;
  return place.index >= 0 ? `record ${place.index}` : '';
}
