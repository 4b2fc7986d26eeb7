/**
 * --checkpoint FILE: what each s3:// source has read, so that a rerun reads exactly the objects it has not.
 *
 * One StartAfter key per source is not enough: under a prefix spanning accounts or regions, a new object in a
 * region that sorts before the last key read would be skipped forever, and CloudTrail may deliver a file for an
 * earlier time after later ones. So progress is kept per partition (a directory of the bucket; s3-objects.ts
 * decides which), as
 *   - `after`: the keys of its dated subtree (`YYYY/…` below it) that sort at or before it are done. It trails
 *     the newest day directory listed (and today) by LOOKBACK_DAYS, so those recent days are listed again on
 *     every run and late files in them are found;
 *   - `read`: the keys (relative to the partition) that were read completely and sort after `after`.
 * A listed key is read unless it is in either. `after` never passes an object that could not be read (it is
 * retried on the next run), one that --until left out, or one still being read; `read` is pruned as `after`
 * moves. A partition without a dated subtree never gets an `after`: it remembers every key read (the fallback
 * for layouts that are not CloudTrail-shaped).
 *
 * The file is rewritten (temp file, fsync, rename) at most every WRITE_INTERVAL_MS while objects settle and when
 * a source is done: a crash in between makes the next run read the last objects again, never skip one.
 */
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../../errors.ts';
import { dayDir } from './time-window.ts';

/** days before the newest day directory whose objects are listed again on each run (CloudTrail delivers late files) */
export const LOOKBACK_DAYS = 3;
const WRITE_INTERVAL_MS = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** a key below a partition that lies in its dated subtree */
const DATED = /^\d{4}\//;
const DAY_PATH = /^(\d{4})\/(\d{2})\/(\d{2})\//;

interface Partition {
  after?: string;
  read: Set<string>;
}

/** A version 1 file's single position: `lastKey`, written at `updatedAt`. */
interface LegacyPosition {
  lastKey: string;
  updatedAt: string;
}

interface SourceState {
  updatedAt?: string;
  legacy?: LegacyPosition;
  partitions: Map<string, Partition>;
}

export interface CheckpointOptions {
  /** the clock, for tests */
  now?: () => number;
}

export class Checkpoint {
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private lastWrite = 0;
  readonly now: () => number;

  private constructor(
    readonly path: string,
    private readonly sources: Map<string, SourceState>,
    options: CheckpointOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  static async open(path: string, options: CheckpointOptions = {}): Promise<Checkpoint> {
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return new Checkpoint(path, new Map(), options);
      throw new UserError(`cannot read the checkpoint: ${(error as Error).message}`, { file: path });
    }
    return new Checkpoint(path, parseCheckpoint(text, path), options);
  }

  /** The progress of one s3:// source, for one run. */
  source(uri: string): SourceProgress {
    let state = this.sources.get(uri);
    if (!state) {
      state = { partitions: new Map() };
      this.sources.set(uri, state);
    }
    return new SourceProgress(this, state);
  }

  /** Writes now (after any write in flight). */
  async save(): Promise<void> {
    this.dirty = true;
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      this.lastWrite = this.now();
      await writeAtomically(this.path, this.serialize());
    });
    await this.writing;
  }

  /** Writes unless the last write was less than WRITE_INTERVAL_MS ago (then a later save carries the change). */
  async saveSoon(): Promise<void> {
    if (this.now() - this.lastWrite >= WRITE_INTERVAL_MS) await this.save();
    else this.dirty = true;
  }

  private serialize(): string {
    const sources: Record<string, unknown> = {};
    for (const [uri, state] of this.sources) {
      const partitions: Record<string, { after?: string; read: string[] }> = {};
      for (const [root, partition] of [...state.partitions].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (partition.after === undefined && partition.read.size === 0) continue;
        partitions[root] = {
          ...(partition.after === undefined ? {} : { after: partition.after }),
          read: [...partition.read].sort(),
        };
      }
      sources[uri] = { updatedAt: state.updatedAt, ...(state.legacy ? { legacy: state.legacy } : {}), partitions };
    }
    return `${JSON.stringify({ version: 2, sources }, null, 2)}\n`;
  }
}

/** What this run learnt about a partition so far. */
interface PartitionRun {
  /** listings of a partition go in key order: every key up to this one has been listed */
  lastListed?: string;
  /** the newest day directory listed (UTC ms) */
  newestDay?: number;
  /** the first key that is not done: it could not be read, or --until left it out */
  firstBlocked?: string;
  /** keys being read, in listing (= key) order */
  pending: Set<string>;
}

export class SourceProgress {
  private readonly runs = new Map<string, PartitionRun>();
  /** the files found directly in each directory listed level by level */
  private readonly present = new Map<string, Set<string>>();
  private pendingCount = 0;
  private listingDone = false;

  constructor(
    private readonly checkpoint: Checkpoint,
    private readonly state: SourceState,
  ) {}

  /** Keys of the dated subtree of `root` up to this one need not be listed. */
  after(root: string): string | undefined {
    const partition = this.partition(root);
    partition.after ??= this.legacyAfter(root);
    return partition.after;
  }

  /** Was `key` (listed below `root`) read by an earlier run? */
  isRead(root: string, key: string, lastModified: Date | undefined): boolean {
    const partition = this.partition(root);
    const rel = key.slice(root.length);
    if (partition.read.has(rel)) return true;
    if (partition.after !== undefined && DATED.test(rel) && key <= partition.after) return true;
    // a version 1 file read every key up to lastKey that existed when it was written; later ones it skipped
    const legacy = this.state.legacy;
    if (
      legacy &&
      key <= legacy.lastKey &&
      lastModified !== undefined &&
      lastModified.getTime() < Date.parse(legacy.updatedAt)
    ) {
      partition.read.add(rel);
      return true;
    }
    return false;
  }

  /** Every key of a listing below `root` passes here, in key order, whatever is then done with it. */
  listed(root: string, key: string): void {
    const run = this.run(root);
    if (run.lastListed === undefined || key > run.lastListed) run.lastListed = key;
    const day = dayOf(key.slice(root.length));
    if (day !== undefined && (run.newestDay === undefined || day > run.newestDay)) run.newestDay = day;
    this.advance(root, run);
  }

  /** A file directly in directory `root`, listed level by level (each run lists all of them). */
  found(root: string, key: string): void {
    let files = this.present.get(root);
    if (!files) {
      files = new Set();
      this.present.set(root, files);
    }
    files.add(key.slice(root.length));
  }

  /** --until left `key` out: a later run without it must still find it. */
  deferred(root: string, key: string): void {
    this.block(this.run(root), key);
  }

  reading(root: string, key: string): void {
    this.run(root).pending.add(key);
    this.pendingCount++;
  }

  /** `key` was read completely (its alerts handed on), or could not be: then it is read again next run. */
  async settle(root: string, key: string, complete: boolean): Promise<void> {
    const run = this.run(root);
    if (run.pending.delete(key)) this.pendingCount--;
    if (complete) this.partition(root).read.add(key.slice(root.length));
    else this.block(run, key);
    this.advance(root, run);
    this.state.updatedAt = new Date(this.checkpoint.now()).toISOString();
    await (this.listingDone && this.pendingCount === 0 ? this.checkpoint.save() : this.checkpoint.saveSoon());
  }

  /** The whole source was listed (not interrupted): a version 1 position has been turned into partitions. */
  async listingFinished(): Promise<void> {
    this.listingDone = true;
    delete this.state.legacy;
    // remembered files that are gone (deleted, expired) would only grow the file: a key holds no '/' below its directory
    for (const [root, partition] of this.state.partitions) {
      const files = this.present.get(root);
      for (const rel of partition.read) if (!rel.includes('/') && !files?.has(rel)) partition.read.delete(rel);
    }
    this.state.updatedAt = new Date(this.checkpoint.now()).toISOString();
    if (this.pendingCount === 0) await this.checkpoint.save();
  }

  private partition(root: string): Partition {
    let partition = this.state.partitions.get(root);
    if (!partition) {
      partition = { read: new Set() };
      this.state.partitions.set(root, partition);
    }
    return partition;
  }

  /**
   * A dated partition under a version 1 position: its days older than LOOKBACK_DAYS before that position was
   * written held only objects that existed then, so those up to lastKey were read.
   */
  private legacyAfter(root: string): string | undefined {
    const legacy = this.state.legacy;
    if (!legacy) return undefined;
    const settled = root + dayDir(Date.parse(legacy.updatedAt) - LOOKBACK_DAYS * DAY_MS);
    const after = settled < legacy.lastKey ? settled : legacy.lastKey;
    return after > root ? after : undefined;
  }

  private run(root: string): PartitionRun {
    let run = this.runs.get(root);
    if (!run) {
      run = { pending: new Set() };
      this.runs.set(root, run);
    }
    return run;
  }

  private block(run: PartitionRun, key: string): void {
    if (run.firstBlocked === undefined || key < run.firstBlocked) run.firstBlocked = key;
  }

  /** Moves `after` as far as LOOKBACK_DAYS before the newest day allows, but never past a key that is not done. */
  private advance(root: string, run: PartitionRun): void {
    if (run.newestDay === undefined || run.lastListed === undefined) return;
    // the clock bounds it too: an object dated in the future must not close the days still being delivered
    const newest = Math.min(run.newestDay, this.checkpoint.now());
    let target = root + dayDir(newest - LOOKBACK_DAYS * DAY_MS);
    if (run.lastListed < target) target = run.lastListed;
    const firstPending = run.pending.values().next().value;
    for (const limit of [run.firstBlocked, firstPending]) {
      if (limit === undefined || target < limit) continue;
      // the day directory of a key sorts before it, and every day before it was done
      const floor = dayFloor(root, limit);
      if (floor === undefined) return;
      target = floor;
    }
    const partition = this.partition(root);
    if (partition.after !== undefined && target <= partition.after) return;
    partition.after = target;
    for (const rel of partition.read) if (DATED.test(rel) && root + rel <= target) partition.read.delete(rel);
  }
}

/** The day directory of a partition-relative key `YYYY/MM/DD/…`, as UTC ms. */
function dayOf(rel: string): number | undefined {
  const match = DAY_PATH.exec(rel);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return Date.UTC(year, month - 1, day);
}

function dayFloor(root: string, key: string): string | undefined {
  const match = DAY_PATH.exec(key.slice(root.length));
  return match ? root + match[0].slice(0, -1) : undefined;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, path);
  // the rename itself is durable once the directory is synced (not possible on every platform)
  const dir = await fs.open(dirname(path), 'r').catch(() => undefined);
  if (dir) {
    try {
      await dir.sync().catch(() => undefined);
    } finally {
      await dir.close();
    }
  }
}

function parseCheckpoint(text: string, path: string): Map<string, SourceState> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const line = text.slice(0, position ? Number(position[1]) : text.length).split('\n').length;
    throw new UserError(
      `not a cloudwarden checkpoint (invalid JSON: ${(error as Error).message}); delete it to start over`,
      { file: path, line },
    );
  }
  const wrong = (field: string | undefined, expected: string): UserError =>
    new UserError(`not a cloudwarden checkpoint (expected ${expected}); delete it to start over`, {
      file: path,
      field,
    });
  if (!isObject(data)) throw wrong(undefined, '{"version":2,"sources":{...}}');
  if (data.version !== 1 && data.version !== 2) throw wrong('version', '1 or 2');
  if (!isObject(data.sources)) throw wrong('sources', 'an object');
  const sources = new Map<string, SourceState>();
  for (const [uri, value] of Object.entries(data.sources)) {
    const field = `sources[${JSON.stringify(uri)}]`;
    if (!isObject(value)) throw wrong(field, 'an object');
    if (data.version === 1) {
      sources.set(uri, { legacy: legacyPosition(value, field, wrong), partitions: new Map() });
      continue;
    }
    if (value.updatedAt !== undefined && !isTime(value.updatedAt))
      throw wrong(`${field}.updatedAt`, 'an ISO 8601 time');
    if (!isObject(value.partitions)) throw wrong(`${field}.partitions`, 'an object');
    const partitions = new Map<string, Partition>();
    for (const [root, entry] of Object.entries(value.partitions)) {
      const at = `${field}.partitions[${JSON.stringify(root)}]`;
      if (!isObject(entry)) throw wrong(at, 'an object');
      if (entry.after !== undefined && typeof entry.after !== 'string') throw wrong(`${at}.after`, 'a key');
      if (!Array.isArray(entry.read)) throw wrong(`${at}.read`, 'an array of keys');
      const bad = entry.read.findIndex((key) => typeof key !== 'string');
      if (bad >= 0) throw wrong(`${at}.read[${bad}]`, 'a key');
      partitions.set(root, { after: entry.after, read: new Set(entry.read as string[]) });
    }
    sources.set(uri, {
      updatedAt: value.updatedAt,
      legacy: value.legacy === undefined ? undefined : legacyPosition(value.legacy, `${field}.legacy`, wrong),
      partitions,
    });
  }
  return sources;
}

function legacyPosition(
  value: unknown,
  field: string,
  wrong: (field: string, expected: string) => UserError,
): LegacyPosition {
  if (!isObject(value)) throw wrong(field, 'an object');
  if (typeof value.lastKey !== 'string') throw wrong(`${field}.lastKey`, 'a key');
  if (!isTime(value.updatedAt)) throw wrong(`${field}.updatedAt`, 'an ISO 8601 time');
  return { lastKey: value.lastKey, updatedAt: value.updatedAt };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}
