import { open, mkdtemp, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { InternalError } from '../errors.ts';
import { SEVERITIES, type InspectorFinding } from './finding.ts';

type Pages = AsyncIterable<InspectorFinding[]>;

const RANK = new Map<string, number>(SEVERITIES.map((s, i) => [s, i]));

/** Report order: severity (CRITICAL first), then Inspector score (highest first), then title; the ARN breaks ties. */
export function compareFindings(a: InspectorFinding, b: InspectorFinding): number {
  const bySeverity = (RANK.get(a.severity) ?? SEVERITIES.length) - (RANK.get(b.severity) ?? SEVERITIES.length);
  if (bySeverity !== 0) return bySeverity;
  const byScore = (b.inspectorScore ?? -1) - (a.inspectorScore ?? -1);
  if (byScore !== 0) return byScore;
  return compareText(a.title ?? '', b.title ?? '') || compareText(a.findingArn, b.findingArn);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface SortOptions {
  /** findings held in memory at once; more spill to sorted runs on disk (a finding takes a few kB; a million would not fit) */
  runSize?: number;
  /** findings per page handed on */
  pageSize?: number;
}

/**
 * Findings in report order with bounded memory: sorted runs of `runSize` are spilled to a temporary
 * directory (v8 serialisation keeps the `Date` fields) and merged; the directory is removed at the end.
 */
export async function* sortedPages(pages: Pages, options: SortOptions = {}): AsyncGenerator<InspectorFinding[]> {
  const runSize = options.runSize ?? 2_000;
  const pageSize = options.pageSize ?? 100;
  let buffer: InspectorFinding[] = [];
  let dir: string | undefined;
  const runs: string[] = [];
  try {
    for await (const page of pages) {
      for (const finding of page) {
        buffer.push(finding);
        if (buffer.length < runSize) continue;
        dir ??= await mkdtemp(join(tmpdir(), 'cloudwarden-vulns-sort-'));
        runs.push(await writeRun(join(dir, `run-${runs.length}`), buffer.sort(compareFindings)));
        buffer = [];
      }
    }
    buffer.sort(compareFindings);
    if (runs.length === 0) {
      for (let i = 0; i < buffer.length; i += pageSize) yield buffer.slice(i, i + pageSize);
      return;
    }
    const readers = await Promise.all(runs.map((file) => RunReader.open(file)));
    try {
      yield* merge([...readers, arrayReader(buffer)], pageSize);
    } finally {
      await Promise.all(readers.map((r) => r.close()));
    }
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

interface Reader {
  next(): Promise<InspectorFinding | undefined>;
}

function arrayReader(findings: InspectorFinding[]): Reader {
  let i = 0;
  return { next: async () => findings[i++] };
}

async function* merge(readers: Reader[], pageSize: number): AsyncGenerator<InspectorFinding[]> {
  // the heads of the runs, kept sorted by binary insertion (runs are hundreds at most: moving them is cheap)
  const heads: { finding: InspectorFinding; reader: Reader }[] = [];
  const insert = (head: { finding: InspectorFinding; reader: Reader }) => {
    let low = 0;
    let high = heads.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareFindings(heads[middle]!.finding, head.finding) <= 0) low = middle + 1;
      else high = middle;
    }
    heads.splice(low, 0, head);
  };
  for (const reader of readers) {
    const finding = await reader.next();
    if (finding) insert({ finding, reader });
  }
  let page: InspectorFinding[] = [];
  while (heads.length > 0) {
    const head = heads.shift()!;
    page.push(head.finding);
    if (page.length === pageSize) {
      yield page;
      page = [];
    }
    const finding = await head.reader.next();
    if (finding) insert({ finding, reader: head.reader });
  }
  if (page.length > 0) yield page;
}

async function writeRun(file: string, findings: InspectorFinding[]): Promise<string> {
  const handle = await open(file, 'w');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (const finding of findings) {
      const body = serialize(finding);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(body.length);
      chunks.push(length, body);
      size += 4 + body.length;
      if (size >= 1 << 20) {
        await handle.write(Buffer.concat(chunks));
        chunks.length = 0;
        size = 0;
      }
    }
    if (chunks.length) await handle.write(Buffer.concat(chunks));
  } finally {
    await handle.close();
  }
  return file;
}

/** Reads a run back one record at a time through a small window, so a hundred open runs stay cheap. */
class RunReader implements Reader {
  private window = Buffer.alloc(0);
  private position = 0;
  private constructor(private readonly handle: FileHandle) {}

  static async open(file: string): Promise<RunReader> {
    return new RunReader(await open(file, 'r'));
  }

  async next(): Promise<InspectorFinding | undefined> {
    if (!(await this.fill(4))) return undefined;
    const length = this.window.readUInt32LE(0);
    if (!(await this.fill(4 + length)))
      throw new InternalError(`sort run ended inside a record (${length} bytes expected)`);
    const finding = deserialize(this.window.subarray(4, 4 + length)) as InspectorFinding;
    this.window = this.window.subarray(4 + length);
    return finding;
  }

  private async fill(bytes: number): Promise<boolean> {
    while (this.window.length < bytes) {
      const chunk = Buffer.alloc(Math.max(16 * 1024, bytes - this.window.length));
      const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, this.position);
      if (bytesRead === 0) return false;
      this.position += bytesRead;
      this.window = Buffer.concat([this.window, chunk.subarray(0, bytesRead)]);
    }
    return true;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
