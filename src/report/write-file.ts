import { randomBytes } from 'node:crypto';
import { open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.ts';

/**
 * The one way cloudwarden writes a report, snapshot or export file. A regular file is written to a
 * temp file in the same directory, fsynced, then renamed over the target: a crash, a full disk or an
 * interrupted run leaves the previous file whole, never a truncated one. A device, FIFO or socket
 * (`/dev/stdout`, `/dev/full`, a named pipe) cannot be replaced and has no directory of its own to
 * put a temp file in, so it is written directly. Every failure is a `UserError` naming the file.
 */
export interface OutputFile {
  /** resolves when the text is handed to the kernel, so a slow disk holds the producer back */
  write(text: string): Promise<void>;
  /** makes the file visible (fsync and rename for a regular file); the writer is unusable after it */
  commit(): Promise<void>;
  /** drops what was written (removes the temp file); safe to call after a failed write or commit */
  abort(): Promise<void>;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  EIO: 'input/output error',
  EFBIG: 'file too large',
};

function writeError(error: unknown, file: string, field: string | undefined): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? `no such directory: ${dirname(file)}`
      : code && REASONS[code]
        ? `${REASONS[code]} (${code})`
        : (code ?? String(error));
  return new UserError(`cannot write: ${reason}`, { file, field }, { cause: error });
}

async function existing(file: string): Promise<{ path: string; mode: number; regular: boolean } | undefined> {
  let info;
  try {
    // stat follows links: /dev/stdout is a link to /proc/self/fd/1, whose target (`pipe:[…]`) is no path at all
    info = await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!info.isFile()) return { path: file, mode: info.mode & 0o7777, regular: false };
  // a symlinked report stays a symlink: the file it points at is the one replaced
  return { path: await realpath(file), mode: info.mode & 0o7777, regular: true };
}

async function fsyncDirectory(dir: string): Promise<void> {
  // the rename is durable only once the directory entry is; some file systems refuse a directory fsync
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

function writerOver(
  handle: FileHandle,
  finish: () => Promise<void>,
  drop: () => Promise<void>,
  file: string,
  field: string | undefined,
): OutputFile {
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    async write(text) {
      if (text === '') return;
      try {
        // writeFile, not write: it loops until every byte is written (a pipe may take part of a write)
        await handle.writeFile(text, 'utf8');
      } catch (error) {
        throw writeError(error, file, field);
      }
    },
    async commit() {
      try {
        await finish();
        await close();
      } catch (error) {
        await close().catch(() => undefined);
        await drop().catch(() => undefined);
        throw writeError(error, file, field);
      }
    },
    async abort() {
      await close().catch(() => undefined);
      await drop().catch(() => undefined);
    },
  };
}

/** Opens `file` for writing (see `OutputFile`); `field` is the flag that named it, for the error line. */
export async function openOutputFile(file: string, field?: string): Promise<OutputFile> {
  try {
    const target = await existing(file);
    if (target && !target.regular) {
      const handle = await open(target.path, 'w');
      return writerOver(
        handle,
        async () => undefined,
        async () => undefined,
        file,
        field,
      );
    }
    const path = target?.path ?? file;
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o666);
    if (target) await handle.chmod(target.mode);
    return writerOver(
      handle,
      async () => {
        await handle.sync();
        await rename(temp, path);
        await fsyncDirectory(dirname(path));
      },
      () => unlink(temp),
      file,
      field,
    );
  } catch (error) {
    throw writeError(error, file, field);
  }
}

/** Writes the whole of `text` to `file` atomically (see `openOutputFile`). */
export async function writeOutputFile(file: string, text: string, field?: string): Promise<void> {
  const out = await openOutputFile(file, field);
  try {
    await out.write(text);
  } catch (error) {
    await out.abort();
    throw error;
  }
  await out.commit();
}
