/**
 * detect throughput and memory on ~1 GB of gzip'd CloudTrail log files generated from the Stratus Red Team
 * records (each copy gets its own eventID and eventTime), laid out like a trail bucket
 * (AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/), written under /tmp (reused between runs).
 * Runs `cloudwarden detect` (built-in packs + Falco's rules) and, on the same files,
 * `zcat | jq -c '.Records[] | select(.eventName=="PutBucketPolicy")'`; writes bench/results/detect.md.
 *
 *   npm run bench detect            (DETECT_BENCH_GB=0.2 for a quicker run; DETECT_BENCH_JQ=0 to skip jq)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repo = new URL('..', import.meta.url).pathname;
const stratusDir = fileURLToPath(new URL('../test/fixtures/third-party/stratus-red-team', import.meta.url));
const falcoRules = fileURLToPath(new URL('../test/fixtures/third-party/falco/aws_cloudtrail_rules.yaml', import.meta.url));
const targetBytes = Number(process.env.DETECT_BENCH_GB ?? '1') * 1024 ** 3;
const root = `/tmp/cloudwarden-detect-bench-${targetBytes}`;
const RECORDS_PER_FILE = 2000;
const ACCOUNTS = ['111122223333', '444455556666'];
const REGIONS = ['us-east-1', 'eu-west-1'];

interface Corpus {
  files: number;
  records: number;
  bytes: number;
}

function generate(): Corpus {
  const marker = `${root}.corpus.json`;
  if (existsSync(marker) && existsSync(root)) return JSON.parse(readFileSync(marker, 'utf8')) as Corpus;
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
  const corpus: Corpus = { files: 0, records: 0, bytes: 0 };
  let serial = 0;
  let minute = Date.UTC(2024, 6, 1);
  while (corpus.bytes < targetBytes) {
    const account = ACCOUNTS[corpus.files % ACCOUNTS.length]!;
    const region = REGIONS[Math.floor(corpus.files / ACCOUNTS.length) % REGIONS.length]!;
    const parts: string[] = [];
    for (let i = 0; i < RECORDS_PER_FILE; i++) {
      const t = templates[serial % templates.length]!;
      const id = `${(serial >>> 0).toString(16).padStart(8, '0')}-bench-4000-8000-${(serial * 2654435761 >>> 0).toString(16).padStart(12, '0')}`;
      const time = new Date(minute + i * 100).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const [first, second] = t.idFirst ? [id, time] : [time, id];
      parts.push(`${t.parts[0]}"${first}"${t.parts[1]}"${second}"${t.parts[2]}`);
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
    corpus.records += RECORDS_PER_FILE;
    corpus.bytes += gz.length;
    minute += 5 * 60 * 1000;
    if (corpus.files % 100 === 0) process.stderr.write(`\rgenerated ${corpus.files} files, ${(corpus.bytes / 1024 ** 2).toFixed(0)} MB`);
  }
  process.stderr.write('\n');
  writeFileSync(marker, JSON.stringify(corpus));
  return corpus;
}

interface Timed {
  seconds: number;
  /** user + system CPU seconds: unlike wall time, not inflated when other processes share the cores */
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

/** GNU time gives wall time and the peak RSS of the process (threads included). */
function timed(command: string, args: string[]): Timed {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', command, ...args], { cwd: repo, maxBuffer: 1024 ** 3, encoding: 'utf8' });
  const lines = run.stderr.trimEnd().split('\n');
  const [seconds, kb, user, system] = lines.pop()!.split(' ').map(Number);
  if (run.status !== 0 && run.status !== 1) throw new Error(`${command} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return { seconds: seconds!, cpuSeconds: Math.round((user! + system!) * 10) / 10, peakRssMb: Math.round(kb! / 1024), stdout: run.stdout, stderr: lines.join('\n') };
}

const perCpu = (run: Timed): string => Math.round(corpus.records / run.cpuSeconds).toLocaleString('en-US');

const corpus = generate();
console.log(`corpus: ${corpus.files} files, ${corpus.records} records, ${(corpus.bytes / 1024 ** 3).toFixed(2)} GB gzip'd in ${root}`);

const detectArgs = ['bin/cloudwarden.js', 'detect', '--source', root, '--rules', falcoRules, '--format', 'json', '--output-file', '/dev/null'];
const detect = timed(process.execPath, detectArgs);
const statsLine = detect.stderr.split('\n').find((l) => l.startsWith('detect:')) ?? '';
const alerts = Number(/ (\d+) alerts,/.exec(statsLine)?.[1] ?? NaN);
const detectRate = Math.round(corpus.records / detect.seconds);
console.log(statsLine);
console.log(`detect: ${detect.seconds} s wall, ${detectRate} events/s, peak RSS ${detect.peakRssMb} MB, ${alerts} alerts`);

const single = timed(process.execPath, [...detectArgs, '--workers', '0']);
const singleRate = Math.round(corpus.records / single.seconds);
console.log(`detect --workers 0: ${single.seconds} s wall, ${singleRate} events/s, peak RSS ${single.peakRssMb} MB`);

let jqLine = 'jq: skipped (DETECT_BENCH_JQ=0)';
let jqRow = '| `zcat … \\| jq -c \'.Records[] \\| select(.eventName=="PutBucketPolicy")\'` | skipped | | | | |';
if (process.env.DETECT_BENCH_JQ !== '0') {
  const jqVersion = execFileSync('jq', ['--version'], { encoding: 'utf8' }).trim();
  const jq = timed('sh', ['-c', `find ${root} -name '*.json.gz' | sort | xargs zcat | jq -c '.Records[] | select(.eventName=="PutBucketPolicy")' | wc -l`]);
  const jqRate = Math.round(corpus.records / jq.seconds);
  jqLine = `jq (${jqVersion}): ${jq.seconds} s wall, ${jqRate} events/s, ${jq.stdout.trim()} matches`;
  jqRow = `| \`zcat … \\| jq -c '.Records[] \\| select(.eventName=="PutBucketPolicy")'\` (${jqVersion}, one rule, one thread) | ${jq.seconds} | ${jqRate.toLocaleString('en-US')} | ${jq.peakRssMb} (largest process of the pipeline) | ${jq.cpuSeconds} | ${perCpu(jq)} |`;
}
console.log(jqLine);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const results = `# detect benchmark

Generated by \`npm run bench detect\` (bench/detect.bench.ts) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${availableParallelism()} cores (${cpu}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version};
load average when the runs ended: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes share the cores when this is above ~0.5).

Input: ${corpus.files} gzip'd CloudTrail log files (${(corpus.bytes / 1024 ** 3).toFixed(2)} GB gzip'd, ${corpus.records.toLocaleString('en-US')} records,
${RECORDS_PER_FILE} per file) generated from the ${readdirSync(stratusDir).length} Stratus Red Team detonation logs with fresh eventID/eventTime,
in the AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/ layout. Rules: the built-in packs plus Falco's
aws_cloudtrail_rules.yaml. Output: \`--format json --output-file /dev/null\` (${alerts.toLocaleString('en-US')} alerts).

| run | wall s | events/s | peak RSS MB | CPU s (user+sys) | events per CPU-second |
|---|---|---|---|---|---|
| \`cloudwarden detect\` (default: main thread + ${Math.max(availableParallelism() - 1, 1)} worker thread(s)) | ${detect.seconds} | ${detectRate.toLocaleString('en-US')} | ${detect.peakRssMb} | ${detect.cpuSeconds} | ${perCpu(detect)} |
| \`cloudwarden detect --workers 0\` (main thread only) | ${single.seconds} | ${singleRate.toLocaleString('en-US')} | ${single.peakRssMb} | ${single.cpuSeconds} | ${perCpu(single)} |
${jqRow}

Target: ≥ 150,000 events/s, < 300 MB RSS. Stats line of the default run:

\`\`\`
${statsLine}
\`\`\`
`;
mkdirSync(join(repo, 'bench/results'), { recursive: true });
writeFileSync(join(repo, 'bench/results/detect.md'), results);
console.log('wrote bench/results/detect.md');
