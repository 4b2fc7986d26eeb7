/** Real CloudTrail records (Stratus Red Team detonations) and helpers to write them in CloudTrail's file layouts. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const stratusDir = new URL('../../../fixtures/third-party/stratus-red-team/', import.meta.url);

export type CloudTrailRecord = Record<string, unknown> & { eventName: string; eventTime: string; eventID: string };

export function stratusRecords(technique?: string): CloudTrailRecord[] {
  const files = readdirSync(stratusDir)
    .filter((f) => f.endsWith('.json') && (technique === undefined || f === `${technique}.json`))
    .sort();
  return files.flatMap((f) => JSON.parse(readFileSync(new URL(f, stratusDir), 'utf8')) as CloudTrailRecord[]);
}

export function tempDir(prefix = 'cw-detect-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const logFileText = (records: unknown[]): string => JSON.stringify({ Records: records });

export function writeLogFile(path: string, records: unknown[], gzip = path.endsWith('.gz')): string {
  mkdirSync(dirname(path), { recursive: true });
  const text = logFileText(records);
  writeFileSync(path, gzip ? gzipSync(text) : text);
  return path;
}

/** A truncated .json.gz: the gzip stream ends in the middle of the records. */
export function truncatedGzip(records: unknown[]): Buffer {
  const full = gzipSync(logFileText(records));
  return full.subarray(0, Math.floor(full.length * 0.6));
}
