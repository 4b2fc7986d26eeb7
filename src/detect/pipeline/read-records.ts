/**
 * Bytes in, records out: gunzips when the input starts with the gzip magic (whatever the file is called),
 * decodes UTF-8 across chunk boundaries and feeds the record splitter. Nothing is held beyond the current chunk
 * and the record being cut.
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
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
  const splitter = new RecordSplitter(listener);
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
  let stage = 'read';
  try {
    if (gzip) {
      const source = Readable.from(prepend(head, rest), { objectMode: false });
      const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK });
      source.on('error', (error) => gunzip.destroy(error));
      source.pipe(gunzip);
      try {
        for await (const chunk of gunzip as AsyncIterable<Buffer>) {
          splitter.push(decoder.write(chunk));
          if (!(await afterChunk())) {
            source.destroy();
            return { complete: true };
          }
        }
      } catch (error) {
        stage = isZlibError(error) ? 'gunzip' : 'read';
        throw error;
      }
    } else {
      for await (const chunk of prepend(head, rest)) {
        splitter.push(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
        if (!(await afterChunk())) return { complete: true };
      }
    }
  } catch (error) {
    splitter.push(decoder.end());
    if (stage === 'gunzip') {
      // what was decompressed before the damage is kept; the damage is one problem
      const code = (error as { code?: string }).code;
      const what = code === 'Z_BUF_ERROR' ? 'truncated gzip' : 'corrupt gzip';
      listener.problem(`${what} (${messageOf(error)}); the records before it were read`, { index: -1 });
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

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Z_');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
