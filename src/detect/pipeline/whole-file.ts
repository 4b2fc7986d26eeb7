/**
 * The fast path for a whole CloudTrail log file in memory (`{"Records":[...]}`, what CloudTrail writes): one native
 * gunzip and one JSON.parse of the file, then each record matched as an object. It skips the record splitter's
 * per-character syntax check and the per-record parses, which cost more than a native parse of everything.
 * It gives up (undefined) whenever the splitter could see the file differently, and the caller then runs the
 * splitter on the same bytes: damaged gzip or bytes after it, invalid UTF-8, invalid JSON anywhere, any other
 * layout, a second "Records" key, a wrapper key besides Records, a record that is not an object with a string
 * eventName and eventTime. A bad record is reported by the splitter, with its place, and costs that record only.
 */
import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import type { Matcher } from '../engine/types.ts';
import { addOutcome, type TaskResult } from './task-result.ts';

/** larger decompressed files go through the splitter, which holds one record at a time, not the whole file */
export const WHOLE_FILE_MAX_BYTES = 32 * 1024 * 1024;

const WRAPPER_START = /^[ \t\r\n]*\{[ \t\r\n]*"Records"[ \t\r\n]*:[ \t\r\n]*\[/;

export function matchWholeFile(data: Uint8Array, matcher: Matcher): TaskResult | undefined {
  if (matcher.matchRecord === undefined) return undefined;
  const text = decode(data);
  if (text === undefined) return undefined;
  const start = WRAPPER_START.exec(text);
  // JSON.parse keeps the last of two "Records" keys and the splitter the first: such a file goes the slow way
  if (start === null || text.indexOf('"Records"', start[0].length) >= 0) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const wrapper = doc as Record<string, unknown>;
  const records = wrapper.Records;
  if (!Array.isArray(records) || Object.keys(wrapper).length !== 1) return undefined;
  const result: TaskResult = { events: 0, matched: 0, alerts: [], bad: 0, complete: true };
  for (const record of records) {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
    const outcome = matcher.matchRecord(record as Record<string, unknown>);
    if (outcome.kind === 'bad') return undefined;
    result.events++;
    addOutcome(result, outcome);
  }
  return result;
}

/** The file's text, or undefined when the bytes are not one clean gzip stream (or plain text) of valid UTF-8. */
function decode(data: Uint8Array): string | undefined {
  let bytes: Buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      const { buffer, engine } = gunzipSync(bytes, {
        info: true,
        maxOutputLength: WHOLE_FILE_MAX_BYTES,
      }) as unknown as {
        buffer: Buffer;
        engine: { bytesWritten: number };
      };
      // bytes after the last gzip member are a problem the splitter reports
      if (engine.bytesWritten !== bytes.length) return undefined;
      bytes = buffer;
    } catch {
      return undefined;
    }
  } else if (bytes.length > WHOLE_FILE_MAX_BYTES) return undefined;
  return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
}
