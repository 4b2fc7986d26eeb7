/**
 * Gunzips a stream of concatenated gzip members (RFC 1952) member by member. zlib's Gunzip does the same but,
 * when bytes after a member are not gzip, it fails without handing on what it had just inflated, and it cannot
 * say where the member ended: here each member's deflate data goes through InflateRaw (which stops at its end),
 * the trailer is checked (CRC-32 and length), and what follows must be another member or zero padding.
 */
import type { Readable } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';

/** Bytes after a complete member that do not start another one: every member before them was read whole. */
export class NotGzipAfterMember extends Error {
  constructor(
    readonly member: number,
    readonly offset: number,
  ) {
    super(`bytes after gzip member ${member} at offset ${offset} are not gzip`);
  }
}

/** A damaged member: `code` is zlib's (Z_BUF_ERROR for a stream that ends early, Z_DATA_ERROR for corrupt data). */
export class GzipError extends Error {
  constructor(
    message: string,
    readonly code: 'Z_BUF_ERROR' | 'Z_DATA_ERROR',
  ) {
    super(message);
  }
}

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  /** stream offset of buf[0] */
  offset = 0;
  private done = false;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  get available(): number {
    return this.buf.length;
  }

  /** Reads until `n` bytes are buffered or the input ends; false if it ended first. */
  async want(n: number): Promise<boolean> {
    while (this.buf.length < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else this.buf = this.buf.length === 0 ? Buffer.from(next.value) : Buffer.concat([this.buf, next.value]);
    }
    return this.buf.length >= n;
  }

  /** The next bytes as they come (everything buffered first); undefined at the end. */
  async chunk(): Promise<Buffer | undefined> {
    if (this.buf.length === 0 && !(await this.want(1))) return undefined;
    return this.take(this.buf.length);
  }

  peek(): Buffer {
    return this.buf;
  }

  take(n: number): Buffer {
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    this.offset += n;
    return out;
  }

  /** Gives back bytes read too far (they come before anything still buffered). */
  unread(bytes: Buffer): void {
    this.buf = this.buf.length === 0 ? bytes : Buffer.concat([bytes, this.buf]);
    this.offset -= bytes.length;
  }

  /** True when nothing but zero bytes is left (padding some writers add). */
  async onlyZerosLeft(): Promise<boolean> {
    for (;;) {
      if (this.buf.some((b) => b !== 0)) return false;
      this.offset += this.buf.length;
      this.buf = Buffer.alloc(0);
      if (!(await this.want(1))) return true;
    }
  }
}

export async function* gunzipMembers(source: AsyncIterator<Uint8Array>, chunkSize: number): AsyncGenerator<Buffer> {
  const reader = new ByteReader(source);
  for (let member = 1; ; member++) {
    if (member > 1) {
      if (!(await reader.want(1)) || (await reader.onlyZerosLeft())) return;
      await reader.want(3);
      const head = reader.peek();
      if (head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8)
        throw new NotGzipAfterMember(member - 1, reader.offset);
    }
    await skipHeader(reader);
    let crc = 0;
    let size = 0;
    for await (const out of inflateRaw(reader, chunkSize)) {
      crc = crc32(out, crc);
      size = (size + out.length) >>> 0;
      yield out;
    }
    if (!(await reader.want(8))) throw new GzipError('unexpected end of file', 'Z_BUF_ERROR');
    const trailer = reader.take(8);
    if (trailer.readUInt32LE(0) !== crc >>> 0 || trailer.readUInt32LE(4) !== size)
      throw new GzipError(`member ${member}: CRC or length check failed`, 'Z_DATA_ERROR');
  }
}

async function skipHeader(reader: ByteReader): Promise<void> {
  const need = async (n: number): Promise<void> => {
    if (!(await reader.want(n))) throw new GzipError('unexpected end of file', 'Z_BUF_ERROR');
  };
  await need(10);
  const head = reader.peek();
  if (head[0] !== 0x1f || head[1] !== 0x8b) throw new GzipError('incorrect header check', 'Z_DATA_ERROR');
  if (head[2] !== 8) throw new GzipError('unknown compression method', 'Z_DATA_ERROR');
  const flags = head[3] as number;
  reader.take(10);
  if (flags & FEXTRA) {
    await need(2);
    const length = reader.peek().readUInt16LE(0);
    await need(2 + length);
    reader.take(2 + length);
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    let end = reader.peek().indexOf(0);
    while (end < 0) {
      await need(reader.available + 1);
      end = reader.peek().indexOf(0);
    }
    reader.take(end + 1);
  }
  if (flags & FHCRC) {
    await need(2);
    reader.take(2);
  }
}

/** One member's deflate data, inflated; the bytes after its end are given back to the reader. */
async function* inflateRaw(reader: ByteReader, chunkSize: number): AsyncGenerator<Buffer> {
  const inflater = createInflateRaw({ chunkSize });
  let failure: Error | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const signal = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  inflater.on('readable', signal);
  inflater.on('end', () => {
    ended = true;
    signal();
  });
  inflater.on('error', (error: Error) => {
    failure = error;
    signal();
  });
  /** what was written to the inflater and not known to be consumed: the tail is given back at the end */
  const written: Buffer[] = [];
  let writtenBytes = 0;
  let droppedBytes = 0;
  let inputOver = false;
  try {
    for (;;) {
      let out: Buffer | null;
      while ((out = (inflater as Readable).read() as Buffer | null) !== null) yield out;
      if (failure)
        throw new GzipError(
          failure.message,
          (failure as { code?: string }).code === 'Z_BUF_ERROR' ? 'Z_BUF_ERROR' : 'Z_DATA_ERROR',
        );
      if (ended || inflater.readableEnded) break;
      const waiting = new Promise<void>((resolve) => (wake = resolve));
      if (inflater.writableLength === 0 && !inputOver) {
        const chunk = await reader.chunk();
        if (chunk === undefined) {
          inputOver = true;
          inflater.end();
        } else {
          while (written.length > 0 && droppedBytes + (written[0] as Buffer).length <= inflater.bytesWritten)
            droppedBytes += (written.shift() as Buffer).length;
          written.push(chunk);
          writtenBytes += chunk.length;
          inflater.write(chunk, signal);
        }
      }
      await waiting;
    }
  } finally {
    inflater.removeAllListeners();
    inflater.destroy();
  }
  // the inflater stopped at the end of the deflate data: the rest of what it was given belongs to what follows
  let left = writtenBytes - inflater.bytesWritten;
  const back: Buffer[] = [];
  while (left > 0) {
    const last = written.pop() as Buffer;
    const part = last.length <= left ? last : last.subarray(last.length - left);
    back.unshift(part);
    left -= part.length;
  }
  if (back.length > 0) reader.unread(Buffer.concat(back));
}
