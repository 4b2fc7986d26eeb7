import { spawn } from 'node:child_process';
import {
  closeSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliRun } from '../support/run-cli.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

const BIN = fileURLToPath(new URL('../../bin/cloudwarden.js', import.meta.url));
const FINDINGS = fileURLToPath(new URL('../fixtures/inspector/findings.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cw-output-files-'));

/** The CLI with stdout on a given descriptor, or piped into a shell command (`| head -c 1`). */
function runWithStdout(args: readonly string[], stdout: { fd: number } | { pipeTo: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const [file, argv] =
      'fd' in stdout
        ? [process.execPath, [BIN, ...args]]
        : [
            'bash',
            ['-c', `set -o pipefail; "$@" | ${stdout.pipeTo} > /dev/null`, 'bash', process.execPath, BIN, ...args],
          ];
    const child = spawn(file, argv, {
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      stdio: ['ignore', 'fd' in stdout ? stdout.fd : 'ignore', 'pipe'],
      timeout: 180_000,
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: '', stderr }));
  });
}

/** One line on stderr, no stack trace. */
function expectOneLineError(run: CliRun, pattern: RegExp): void {
  const errors = run.stderr.split('\n').filter((l) => l.startsWith('error') || /^\s+at /.test(l) || /Error:/.test(l));
  expect(errors, run.stderr).toHaveLength(1);
  expect(errors[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.code).toBe(2);
}

const existing = join(dir, 'existing.txt');
const linked = join(dir, 'linked.txt');
let toDirectory: CliRun;
let toMissingDirectory: CliRun;
let toDevFull: CliRun;
let vulnsToDevFull: CliRun;
let vulnsToMissingDirectory: CliRun;
let stdoutFull: CliRun;
let stdoutClosedEarly: CliRun;
let overwrite: CliRun;
let throughSymlink: CliRun;
let vulnsOverwrite: CliRun;

beforeAll(async () => {
  writeFileSync(existing, 'previous report\n');
  chmodSync(existing, 0o640);
  writeFileSync(join(dir, 'target.json'), 'old\n');
  symlinkSync(join(dir, 'target.json'), linked);
  writeFileSync(join(dir, 'old-vulns.csv'), 'old\n');
  // a spawn costs seconds on a loaded machine: only the stdout cases, which need a process of their own, spawn
  const devFull = openSync('/dev/full', 'w');
  const spawned = Promise.all([
    runWithStdout(['demo', '--format', 'json', '-q'], { fd: devFull }),
    // 300 KB of JSON into a reader that stops after one byte: the CLI meets EPIPE
    runWithStdout(['demo', '--format', 'json', '-q'], { pipeTo: 'head -c 1' }),
  ]).finally(() => closeSync(devFull));
  toDirectory = await runCliInProcess(['demo', '-q', '-o', dir]);
  toMissingDirectory = await runCliInProcess(['demo', '-q', '-o', join(dir, 'missing', 'report.txt')]);
  toDevFull = await runCliInProcess(['demo', '-q', '-o', '/dev/full']);
  vulnsToDevFull = await runCliInProcess([
    'vulns',
    'report',
    '--from',
    FINDINGS,
    '--format',
    'csv',
    '-q',
    '-o',
    '/dev/full',
  ]);
  vulnsToMissingDirectory = await runCliInProcess([
    'vulns',
    'report',
    '--from',
    FINDINGS,
    '--format',
    'csv',
    '-q',
    '-o',
    join(dir, 'missing', 'vulns.csv'),
  ]);
  overwrite = await runCliInProcess(['demo', '-q', '--format', 'csv', '-o', existing]);
  throughSymlink = await runCliInProcess(['demo', '-q', '--format', 'json', '-o', linked]);
  vulnsOverwrite = await runCliInProcess([
    'vulns',
    'report',
    '--from',
    FINDINGS,
    '--format',
    'csv',
    '-q',
    '-o',
    join(dir, 'old-vulns.csv'),
  ]);
  [stdoutFull, stdoutClosedEarly] = await spawned;
}, 400_000);

describe('-o that cannot be written: one line, exit 2, no stack', () => {
  it('to a directory', () => expectOneLineError(toDirectory, /cannot write: is a directory/));
  it('to a missing directory', () => expectOneLineError(toMissingDirectory, /no such directory: .*missing/));
  it('to /dev/full (a device is written directly)', () =>
    expectOneLineError(toDevFull, /^error: \/dev\/full: --output: cannot write: no space left on device \(ENOSPC\)$/));
  it('vulns report -o /dev/full', () =>
    expectOneLineError(vulnsToDevFull, /\/dev\/full: --output: cannot write: no space left on device/));
  it('vulns report -o to a missing directory', () => expectOneLineError(vulnsToMissingDirectory, /no such directory/));
});

describe('stdout that cannot take the report', () => {
  it('full (> /dev/full): one line, exit 2', () =>
    expectOneLineError(stdoutFull, /^error: cannot write to standard output \(ENOSPC\)$/));
  it('closed by the reader (| head -c 1): quiet, exit 0', () => {
    expect(stdoutClosedEarly.stderr).toBe('');
    expect(stdoutClosedEarly.code).toBe(0);
  });
});

describe('report files are replaced whole', () => {
  it('overwrites an existing report, keeps its permissions and leaves no temp file', () => {
    expect(overwrite.code).toBe(0);
    expect(readFileSync(existing, 'utf8')).toMatch(/^account_id,resource_arn,/);
    expect(statSync(existing).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('writes through a symlink: the link stays, its target gets the report', () => {
    expect(throughSymlink.code).toBe(0);
    expect(lstatSync(linked).isSymbolicLink()).toBe(true);
    expect(readlinkSync(linked)).toBe(join(dir, 'target.json'));
    expect(JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8'))).toHaveProperty('results');
  });
  it('vulns report -o replaces the previous file', () => {
    expect(vulnsOverwrite.code).toBe(0);
    expect(readFileSync(join(dir, 'old-vulns.csv'), 'utf8')).toMatch(/^"?AWS Account Id/);
  });
});
