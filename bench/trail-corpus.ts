/**
 * Gzip'd CloudTrail log files for the detect benches, laid out like a trail bucket
 * (AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/). Two mixes of records:
 * - `stratus` (the worst case): copies of the Stratus Red Team records only, so that almost every record is a
 *   candidate for some rule;
 * - `account`: an hour of a real, busy account (bench/trail-account-mix.ts): mostly reads and service calls no rule
 *   names, with 0.5% of the records copies of the Stratus ones.
 * Each copy gets its own eventID and eventTime. Written under /tmp once per shape and reused by later runs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { accountMix } from './trail-account-mix.ts';

export const stratusDir = fileURLToPath(new URL('../test/fixtures/third-party/stratus-red-team', import.meta.url));

export interface CorpusShape {
  /** stop once the gzip'd files reach this many bytes, or … */
  targetBytes?: number;
  /** … once this many files are written */
  targetFiles?: number;
  recordsPerFile: number;
  accounts: string[];
  regions: string[];
  /** minutes between two files' first events */
  minutesPerFile: number;
  /** which records: `stratus` (default) or `account` (see above) */
  mix?: 'stratus' | 'account';
}

export interface Corpus {
  root: string;
  files: number;
  records: number;
  bytes: number;
}

function corpusRoot(shape: CorpusShape): string {
  const size = shape.targetFiles !== undefined ? `${shape.targetFiles}f` : `${shape.targetBytes}b`;
  const mix = shape.mix === 'account' ? '-account' : '';
  return `/tmp/cloudwarden-detect-bench${mix}-${size}-${shape.recordsPerFile}r-${shape.accounts.length}a-${shape.regions.length}r`;
}

/** The "hour of one busy account": 240 k events in 240 files, one account, one region (detect-hour and detect-stateful). */
export const BUSY_ACCOUNT_HOUR = {
  targetFiles: 240,
  recordsPerFile: 1000,
  accounts: ['111122223333'],
  regions: ['us-east-1'],
  minutesPerFile: 0.25,
} satisfies Omit<CorpusShape, 'mix'>;

export function generateCorpus(shape: CorpusShape): Corpus {
  const root = corpusRoot(shape);
  const marker = `${root}.corpus.json`;
  if (existsSync(marker) && existsSync(root)) return { ...(JSON.parse(readFileSync(marker, 'utf8')) as Corpus), root };
  rmSync(root, { recursive: true, force: true });
  const records = readdirSync(stratusDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(stratusDir, f), 'utf8')) as Record<string, unknown>[]);
  // each record once as text with two holes, so that a copy costs a string concatenation, not a JSON.stringify
  const templates = records.map((r) => {
    const text = JSON.stringify({ ...r, eventID: '@@ID@@', eventTime: '@@TIME@@' });
    return { parts: text.split(/"@@(?:ID|TIME)@@"/), idFirst: text.indexOf('@@ID@@') < text.indexOf('@@TIME@@') };
  });
  const corpus: Corpus = { root, files: 0, records: 0, bytes: 0 };
  const done = (): boolean =>
    shape.targetFiles !== undefined ? corpus.files >= shape.targetFiles : corpus.bytes >= (shape.targetBytes ?? 0);
  const stepMs = (shape.minutesPerFile * 60 * 1000) / shape.recordsPerFile;
  let serial = 0;
  let attacks = 0;
  // one generator per account, seeded by its number: the same shape gives the same files
  const mixes = new Map(shape.accounts.map((a) => [a, accountMix(Number(a) % 2 ** 31, a)]));
  const stratusRecord = (id: string, time: string): string => {
    const t = templates[attacks++ % templates.length]!;
    const [first, second] = t.idFirst ? [id, time] : [time, id];
    return `${t.parts[0]}"${first}"${t.parts[1]}"${second}"${t.parts[2]}`;
  };
  let minute = Date.UTC(2024, 6, 1);
  while (!done()) {
    const account = shape.accounts[corpus.files % shape.accounts.length]!;
    const region = shape.regions[Math.floor(corpus.files / shape.accounts.length) % shape.regions.length]!;
    const parts: string[] = [];
    for (let i = 0; i < shape.recordsPerFile; i++) {
      const id = `${(serial >>> 0).toString(16).padStart(8, '0')}-bench-4000-8000-${((serial * 2654435761) >>> 0).toString(16).padStart(12, '0')}`;
      const time = new Date(minute + Math.floor(i * stepMs)).toISOString().replace(/\.\d{3}Z$/, 'Z');
      parts.push(
        (shape.mix === 'account' ? mixes.get(account)!(region, time, id) : undefined) ?? stratusRecord(id, time),
      );
      serial++;
    }
    const when = new Date(minute);
    const day = `${when.getUTCFullYear()}/${String(when.getUTCMonth() + 1).padStart(2, '0')}/${String(when.getUTCDate()).padStart(2, '0')}`;
    const stamp = when.toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';
    const dir = join(root, 'AWSLogs', account, 'CloudTrail', region, day);
    mkdirSync(dir, { recursive: true });
    const gz = gzipSync(`{"Records":[${parts.join(',')}]}`, { level: 6 });
    writeFileSync(join(dir, `${account}_CloudTrail_${region}_${stamp}_${corpus.files.toString(36)}.json.gz`), gz);
    corpus.files++;
    corpus.records += shape.recordsPerFile;
    corpus.bytes += gz.length;
    minute += shape.minutesPerFile * 60 * 1000;
    if (corpus.files % 100 === 0)
      process.stderr.write(`\rgenerated ${corpus.files} files, ${(corpus.bytes / 1024 ** 2).toFixed(0)} MB`);
  }
  process.stderr.write('\n');
  const { root: _root, ...figures } = corpus;
  writeFileSync(marker, JSON.stringify(figures));
  return corpus;
}
