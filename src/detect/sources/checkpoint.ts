/**
 * --checkpoint FILE: the last S3 object fully read, per source, so that a rerun lists from there (StartAfter).
 * Written after each object whose alerts were handed on, atomically (temp file + rename), and never past an
 * object that could not be read: a rerun then retries it (and re-reads what followed; alerts may repeat, none is lost).
 */
import { promises as fs } from 'node:fs';
import { UserError } from '../../errors.ts';

interface CheckpointFile {
  version: 1;
  sources: Record<string, { lastKey: string; updatedAt: string }>;
}

export class Checkpoint {
  private blocked = new Set<string>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly data: CheckpointFile,
  ) {}

  static async open(path: string): Promise<Checkpoint> {
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return new Checkpoint(path, { version: 1, sources: {} });
      throw new UserError(`cannot read the checkpoint: ${(error as Error).message}`, { file: path });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new UserError(`not a cloudwarden checkpoint (invalid JSON: ${(error as Error).message}); delete it to start over`, { file: path });
    }
    if (!isCheckpoint(data)) throw new UserError('not a cloudwarden checkpoint (expected {"version":1,"sources":{...}}); delete it to start over', { file: path });
    return new Checkpoint(path, data);
  }

  lastKey(source: string): string | undefined {
    return this.data.sources[source]?.lastKey;
  }

  /** `key` of `source` was read completely (or could not be: then the checkpoint stops moving for this source). */
  async settle(source: string, key: string, complete: boolean): Promise<void> {
    if (!complete) this.blocked.add(source);
    if (this.blocked.has(source)) return;
    this.data.sources[source] = { lastKey: key, updatedAt: new Date().toISOString() };
    const text = `${JSON.stringify(this.data, null, 2)}\n`;
    this.writing = this.writing.then(async () => {
      const tmp = `${this.path}.tmp-${process.pid}`;
      await fs.writeFile(tmp, text);
      await fs.rename(tmp, this.path);
    });
    await this.writing;
  }
}

function isCheckpoint(value: unknown): value is CheckpointFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { version?: unknown; sources?: unknown };
  if (v.version !== 1 || typeof v.sources !== 'object' || v.sources === null) return false;
  return Object.values(v.sources as Record<string, unknown>).every(
    (s) => typeof s === 'object' && s !== null && typeof (s as { lastKey?: unknown }).lastKey === 'string',
  );
}
