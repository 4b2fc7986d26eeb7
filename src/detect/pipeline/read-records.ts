/**
 * Bytes in, records out: gunzips when the input starts with the gzip magic (whatever the file is called),
 * decodes UTF-8 across chunk boundaries and feeds the record splitter. Nothing is held beyond the current chunk
 * and the record being cut.
 */
import { StringDecoder } from 'node:string_decoder';
import { GzipError, gunzipMembers, NotGzipAfterMember } from './gzip-members.ts';
import { RecordSplitter, type SplitterListener } from './record-splitter.ts';

/** gunzip output chunk: big enough that per-chunk work does not show up in a profile */
const GUNZIP_CHUNK = 64 * 1024;

export interface ReadOutcome {
  /** false when the bytes could not all be read (I/O error), as opposed to bad content */
  complete: boolean;
}

/**
 * Splits `input` into records for `listener`. Problems in the content (truncated or corrupt gzip, not JSON) are
 * reported through `listener.problem`; an I/O error of the input is reported the same way and makes the
 * outcome incomplete. `afterChunk()` runs after each chunk: it hands on what was cut (with backpressure) and
 * returns false to end the read early (--strict).
 */
export async function splitBytes(
  input: AsyncIterable<Uint8Array>,
  listener: SplitterListener,
  afterChunk: () => boolean | Promise<boolean> = () => true,
): Promise<ReadOutcome> {
  let records = 0;
  const splitter = new RecordSplitter({
    record: (text, place, members) => {
      records++;
      listener.record(text, place, members);
    },
    problem: (reason, place) => listener.problem(reason, place),
  });
  const decoder = new StringDecoder('utf8');
  const iterator = input[Symbol.asyncIterator]();
  let first: IteratorResult<Uint8Array>;
  try {
    do first = await iterator.next();
    while (!first.done && first.value.length === 0);
  } catch (error) {
    listener.problem(`read error: ${messageOf(error)}`, { index: -1 });
    return { complete: false };
  }
  if (first.done) {
    splitter.end();
    return { complete: true };
  }
  const head = first.value;
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => iterator };
  try {
    if (gzip) {
      for await (const chunk of gunzipMembers(prepend(head, rest)[Symbol.asyncIterator](), GUNZIP_CHUNK)) {
        splitter.push(decoder.write(chunk));
        if (!(await afterChunk())) return { complete: true };
      }
    } else {
      for await (const chunk of prepend(head, rest)) {
        splitter.push(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
        if (!(await afterChunk())) return { complete: true };
      }
    }
  } catch (error) {
    splitter.push(decoder.end());
    // what was decompressed before the damage is kept; the damage is one problem that says how much was read
    if (error instanceof NotGzipAfterMember) {
      splitter.end();
      listener.problem(`${error.message}: ${records} records read before it`, { index: -1 });
      return { complete: true };
    }
    if (error instanceof GzipError) {
      const what = error.code === 'Z_BUF_ERROR' ? 'truncated gzip' : 'corrupt gzip';
      listener.problem(`${what} (${error.message}); the records before it were read`, { index: -1 });
      return { complete: true };
    }
    listener.problem(`read error: ${messageOf(error)}`, { index: -1 });
    return { complete: false };
  }
  splitter.push(decoder.end());
  splitter.end();
  return { complete: true };
}

async function* prepend(head: Uint8Array, rest: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield head;
  yield* rest;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
