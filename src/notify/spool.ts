/**
 * The disk spool: every notice a sink must deliver is appended to `DIR/spool.jsonl` (fsynced) before it is sent,
 * and marked done once the sink took it or refused it for good. At start the notices not marked done are read back
 * and sent again, so a restart, a crash or a sink that stayed down loses nothing. The file is append-only while a
 * process runs; at open it is rewritten (temp file, fsync, rename) with only what is still pending. A lock file
 * keeps two processes off one spool. Lines are `{"add":SEQ,"sink":KEY,"notice":{…}}` and `{"done":SEQ}`; the sink
 * key is a hash of the sink's spec, so webhook URLs (which hold secrets) are not written to disk.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import type { Notice } from './notice.ts';

export interface SpooledNotice {
  seq: number;
  sink: string;
  notice: Notice;
}

export function sinkKey(spec: string): string {
  return createHash('sha256').update(spec).digest('hex').slice(0, 16);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class Spool {
  private nextSeq: number;
  private lines: string[] = [];
  private flushing: Promise<void> | undefined;
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  private constructor(
    readonly file: string,
    private readonly lockFile: string,
    private readonly handle: FileHandle,
    /** what was pending at open: to be sent again */
    readonly pending: SpooledNotice[],
    /** lines that could not be read (a write cut short by a crash) */
    readonly damaged: number,
  ) {
    this.nextSeq = pending.reduce((max, p) => Math.max(max, p.seq), 0) + 1;
  }

  static async open(dir: string): Promise<Spool> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, 'spool.jsonl');
    const lockFile = join(dir, 'spool.lock');
    await takeLock(lockFile);
    try {
      const { pending, damaged } = await readPending(file);
      // compacted: only what is still pending, written aside and renamed over, so a crash leaves one or the other
      const temp = `${file}.tmp`;
      const out = await open(temp, 'w', 0o600);
      try {
        await out.writeFile(
          pending.map((p) => `${JSON.stringify({ add: p.seq, sink: p.sink, notice: p.notice })}\n`).join(''),
        );
        await out.sync();
      } finally {
        await out.close();
      }
      await rename(temp, file);
      await syncDir(dir);
      const handle = await open(file, 'a', 0o600);
      return new Spool(file, lockFile, handle, pending, damaged);
    } catch (error) {
      await rm(lockFile, { force: true });
      throw error;
    }
  }

  /** Appends a notice for a sink; resolves once it is on disk. */
  add(sink: string, notice: Notice): { seq: number; durable: Promise<void> } {
    const seq = this.nextSeq++;
    return { seq, durable: this.append(JSON.stringify({ add: seq, sink, notice })) };
  }

  /** The sink took it, or refused it for good: it is not sent again. */
  done(seq: number): Promise<void> {
    return this.append(JSON.stringify({ done: seq }));
  }

  /** Lines are written and fsynced in groups: one fsync for all that arrived while the previous one ran. */
  private append(line: string): Promise<void> {
    this.lines.push(line);
    const written = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.flushing ??= this.flush();
    return written;
  }

  private async flush(): Promise<void> {
    while (this.lines.length > 0) {
      const lines = this.lines.splice(0);
      const waiters = this.waiters.splice(0);
      try {
        await this.handle.writeFile(`${lines.join('\n')}\n`);
        await this.handle.sync();
        for (const w of waiters) w.resolve();
      } catch (error) {
        const failure = new UserError(`cannot write the notification spool: ${(error as Error).message}`, {
          file: this.file,
        });
        for (const w of waiters) w.reject(failure);
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
    await rm(this.lockFile, { force: true });
  }
}

async function takeLock(lockFile: string): Promise<void> {
  for (let tries = 0; tries < 2; tries++) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid))
        throw new UserError(`the notification spool is in use by process ${pid}`, { file: lockFile });
      // left by a process that is gone: take it over
      await rm(lockFile, { force: true });
    }
  }
  throw new UserError('cannot take the notification spool lock', { file: lockFile });
}

async function readPending(file: string): Promise<{ pending: SpooledNotice[]; damaged: number }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { pending: [], damaged: 0 };
    throw error;
  }
  const added = new Map<number, SpooledNotice>();
  let damaged = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let entry: { add?: unknown; done?: unknown; sink?: unknown; notice?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      damaged++;
      continue;
    }
    if (typeof entry.done === 'number') added.delete(entry.done);
    else if (
      typeof entry.add === 'number' &&
      typeof entry.sink === 'string' &&
      entry.notice !== null &&
      typeof entry.notice === 'object'
    )
      added.set(entry.add, { seq: entry.add, sink: entry.sink, notice: entry.notice as Notice });
    else damaged++;
  }
  return { pending: [...added.values()].sort((a, b) => a.seq - b.seq), damaged };
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
