/**
 * Local sources: a log file, a directory tree of them (CloudTrail's AWSLogs/ layout, organization trails
 * included: any depth is walked), or stdin. Directories are walked lazily, depth first, in sorted order: only
 * the listings of the directories on the current path are held, never the whole tree.
 */
import { type Dirent, promises as fs } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { UserError } from '../../errors.ts';
import type { DetectionUnit } from '../pipeline/run-detection.ts';
import { mayHoldEvents, type TimeWindow } from './time-window.ts';

/** Files above this are read and split on the main thread and matched in batches on every worker, not on one. */
export const LARGE_FILE_BYTES = 64 * 1024 * 1024;

/** CloudTrail log files and record exports; digest files (CloudTrail-Digest/) hold no events. */
const LOG_FILE = /\.(json|jsonl|ndjson)(\.gz)?$/i;
const SKIPPED_DIR = 'CloudTrail-Digest';

/** Fails before any event is read when a source path does not exist (exit 2, one line). */
export async function checkPath(path: string): Promise<void> {
  try {
    await fs.stat(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UserError(
      code === 'ENOENT' ? `no such file or directory: ${path}` : `cannot read ${path}: ${(error as Error).message}`,
      { field: '--source' },
    );
  }
}

/**
 * The --source path that `output` would overwrite, if any: the same file (by device and inode, so symlinks, hard
 * links and `./f` vs `f` are all caught), or a log file name inside a source directory (the walk would read it).
 */
export async function inputAt(output: string, sources: string[]): Promise<string | undefined> {
  const target = await fs.stat(output).catch(() => undefined);
  const outputDir = await fs.realpath(dirname(output)).catch(() => undefined);
  for (const source of sources) {
    const stat = await fs.stat(source);
    if (stat.isDirectory()) {
      if (outputDir === undefined || !LOG_FILE.test(basename(output))) continue;
      const inside = relative(await fs.realpath(source), outputDir);
      if (
        inside === '' ||
        (inside !== '..' && !inside.startsWith(`..${sep}`) && !inside.split(sep).includes(SKIPPED_DIR))
      )
        return source;
    } else if (target && target.dev === stat.dev && target.ino === stat.ino) {
      return source;
    }
  }
  return undefined;
}

export async function* pathUnits(path: string, window: TimeWindow): AsyncGenerator<DetectionUnit> {
  const stat = await fs.stat(path);
  if (stat.isDirectory()) yield* walk(path, window);
  else yield fileUnit(path, stat.size);
}

export function stdinUnit(stdin: AsyncIterable<Uint8Array> = process.stdin): DetectionUnit {
  return { label: '-', stream: stdin };
}

function fileUnit(path: string, size: number): DetectionUnit {
  if (size > LARGE_FILE_BYTES) {
    return { label: path, size, stream: readChunks(path) };
  }
  return { label: path, size, task: { kind: 'file', path } };
}

async function* readChunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await fs.open(path);
  try {
    yield* handle.createReadStream({ highWaterMark: 1024 * 1024, autoClose: false });
  } finally {
    await handle.close();
  }
}

async function* walk(dir: string, window: TimeWindow): AsyncGenerator<DetectionUnit> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { label: dir, failure: `cannot list directory: ${(error as Error).message}` };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await fs.stat(path).catch(() => undefined);
      isDir = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDir) {
      if (entry.name === SKIPPED_DIR || !mayHoldEvents(window, path)) continue;
      yield* walk(path, window);
    } else if (isFile && LOG_FILE.test(entry.name) && mayHoldEvents(window, path)) {
      const stat = await fs.stat(path).catch(() => undefined);
      yield fileUnit(path, stat?.size ?? 0);
    }
  }
}
