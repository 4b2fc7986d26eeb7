/**
 * detect on an hour of one busy account (240 files of 1,000 events, start-up included) and on 1.2 M events, each
 * beside a bare loop (gunzip + JSON.parse of every file, every record touched) measured in the same run, plus the
 * time from start to the first alert on a one-file input. Two corpora of each size (bench/trail-corpus.ts): a
 * realistic mix of an account's calls (`account`, the figure the targets are judged on) and copies of the Stratus
 * Red Team records alone (`stratus`, the worst case: nearly every record is some rule's candidate). Runs the JavaScript build (dist/cli/main.js, what the
 * installed package's bin imports; built first by `npm run build`) with node, no npx. Writes bench/results/detect-hour.md.
 *
 *   npm run bench detect-hour            (DETECT_HOUR_RUNS=3 runs of each, alternating; the median is reported;
 *                                        DETECT_HOUR_MIX=account or stratus: that corpus only)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { BUSY_ACCOUNT_HOUR, type Corpus, generateCorpus, stratusDir } from './trail-corpus.ts';
import { median, repo, timed, type Timed } from './timed-run.ts';

const RUNS = Number(process.env.DETECT_HOUR_RUNS ?? '3');
const bin = join(repo, 'dist/cli/main.js');
if (spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' }).status !== 0)
  throw new Error('npm run build failed');

const mixes = (process.env.DETECT_HOUR_MIX ?? 'account,stratus').split(',') as ('account' | 'stratus')[];
const corpora = mixes.flatMap((mix) => [
  {
    mix,
    corpus: generateCorpus({ ...BUSY_ACCOUNT_HOUR, mix }),
  },
  {
    mix,
    corpus: generateCorpus({
      targetFiles: 600,
      recordsPerFile: 2000,
      accounts: ['111122223333', '444455556666'],
      regions: ['us-east-1', 'eu-west-1'],
      minutesPerFile: 5,
      mix,
    }),
  },
]);

// What any reader of these files must do at least: list them, gunzip each, parse it, look at every record.
const bareLoop = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gunzipSync } = require('node:zlib');
let records = 0, named = 0;
for (const entry of readdirSync(process.argv[1], { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.json.gz')) continue;
  const doc = JSON.parse(gunzipSync(readFileSync(join(entry.parentPath, entry.name))).toString('utf8'));
  for (const r of doc.Records) { records++; if (r.eventName === 'PutBucketPolicy') named++; }
}
console.log(records, named);
`;

interface Row {
  label: string;
  runs: Timed[];
}

function measure(corpus: Corpus): Row[] {
  const rows: Row[] = [
    { label: 'bare loop (gunzip + JSON.parse, one thread)', runs: [] },
    { label: '`cloudwarden detect` (default)', runs: [] },
    { label: '`cloudwarden detect --workers 0`', runs: [] },
  ];
  const detectArgs = [bin, 'detect', '--source', corpus.root, '--format', 'json', '--output-file', '/dev/null'];
  for (let i = 0; i < RUNS; i++) {
    rows[0]!.runs.push(timed(process.execPath, ['-e', bareLoop, corpus.root]));
    rows[1]!.runs.push(timed(process.execPath, detectArgs));
    rows[2]!.runs.push(timed(process.execPath, [...detectArgs, '--workers', '0']));
  }
  return rows;
}

/** ms from spawning the CLI until its first alert reaches stdout (the event is the input's first record). */
function firstAlertMs(): Promise<number> {
  const source = join(stratusDir, 'aws.defense-evasion.cloudtrail-stop.json');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, 'detect', '--source', source, '--format', 'json'], { cwd: repo });
    let at: number | undefined;
    child.stdout.once('data', () => (at = performance.now() - started));
    child.on('error', reject);
    child.on('close', () => (at === undefined ? reject(new Error('no alert on stdout')) : resolve(at)));
  });
}

const seconds = (row: Row): number => median(row.runs.map((r) => r.seconds));
const cpu = (row: Row): number => median(row.runs.map((r) => r.cpuSeconds));
const rss = (row: Row): number => Math.max(...row.runs.map((r) => r.peakRssMb));

function table(mix: string, corpus: Corpus, rows: Row[]): string {
  const bare = seconds(rows[0]!);
  const lines = rows.map((row) => {
    const rate = Math.round(corpus.records / seconds(row));
    const ratio = (bare / seconds(row)).toFixed(2);
    return `| ${row.label} | ${seconds(row).toFixed(2)} | ${rate.toLocaleString('en-US')} | ${ratio}x | ${cpu(row).toFixed(2)} | ${rss(row)} |`;
  });
  return [
    `\`${mix}\` corpus, ${corpus.records.toLocaleString('en-US')} events in ${corpus.files} files (${(corpus.bytes / 1024 ** 2).toFixed(1)} MB gzip'd), load average after: ${loadavg()[0]!.toFixed(1)}:`,
    '',
    '| run | wall s (median) | events/s | speed vs bare loop | CPU s (median) | peak RSS MB (max) |',
    '|---|---|---|---|---|---|',
    ...lines,
  ].join('\n');
}

const tables: string[] = [];
for (const { mix, corpus } of corpora) {
  tables.push(table(mix, corpus, measure(corpus)));
  console.log(tables.at(-1));
}
const firsts: number[] = [];
for (let i = 0; i < Math.max(RUNS, 5); i++) firsts.push(await firstAlertMs());
const first = Math.round(median(firsts));
console.log(`first alert after ${first} ms (median of ${firsts.length}: ${firsts.map(Math.round).join(', ')})`);

const results = `# detect on an hour of one account, and on 1.2 M events

Generated by \`npm run bench detect-hour\` (bench/detect-hour.bench.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version};
load average when the runs ended: ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')} (other processes share the cores when this is above ~0.5).
Each run ${RUNS} times, alternating; the built CLI (dist/) is called with node (start-up included, no npx). Rules: the built-in packs.
Corpora (bench/trail-corpus.ts): \`account\` is a realistic mix of one account's calls with 0.5% attack records,
\`stratus\` copies of the Stratus Red Team records alone (the worst case).

${tables.join('\n\n')}

First alert on stdout ${first} ms after the CLI was spawned (median of ${firsts.length}: ${firsts.map(Math.round).join(', ')} ms;
input: the Stratus \`cloudtrail-stop\` record file).

Targets (issue 15): >= 0.9x the bare loop at 240 k events, >= 1.2x at 1.2 M, first event within 300 ms, RSS < 300 MB.
`;
mkdirSync(join(repo, 'bench/results'), { recursive: true });
writeFileSync(join(repo, 'bench/results/detect-hour.md'), results);
console.log('wrote bench/results/detect-hour.md');
