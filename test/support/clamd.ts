import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ClamdClient } from '../../src/malware/clamd-client.ts';

export const CLAMD_BINARY = '/usr/sbin/clamd';
export const TEST_SIGNATURE_DIR = resolve(import.meta.dirname, '../fixtures/clamav');

/** The EICAR test string, built at run time so no file in the repository trips a virus scanner. */
export function eicarBytes(): Buffer {
  return Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'ascii');
}

/** Matched by test/fixtures/clamav/cloudwarden-test.ndb. */
export const TEST_MARKER = 'CLOUDWARDEN-MALWARE-TEST-MARKER';

export interface RunningClamd {
  port: number;
  address: string;
  configFile: string;
  stop(): Promise<void>;
}

export interface ClamdTestOptions {
  /** clamd.conf size, e.g. `2M` (small, so the too-large case is cheap) */
  streamMaxLength?: string;
  maxFileSize?: string;
  maxScanSize?: string;
  extraConfig?: string[];
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Fails (never skips) when clamd is missing: the malware tests are worthless without a real engine. */
export function requireClamd(): void {
  if (existsSync(CLAMD_BINARY)) return;
  const how = 'install it with `apt-get install -y --no-install-recommends clamav-daemon clamdscan` (.ci/run does)';
  throw new Error(
    `${CLAMD_BINARY} not found${process.env.CI === 'true' ? ' on CI' : ''}: the malware tests need a real clamd; ${how}`,
  );
}

/** Starts clamd on a random loopback port with the repository's test signatures only (no freshclam, no network). */
export async function startClamd(options: ClamdTestOptions = {}): Promise<RunningClamd> {
  requireClamd();
  const dir = await mkdtemp(join(tmpdir(), 'cloudwarden-clamd-'));
  const port = await freePort();
  const configFile = join(dir, 'clamd.conf');
  const logFile = join(dir, 'clamd.log');
  const lines = [
    `TCPSocket ${port}`,
    'TCPAddr 127.0.0.1',
    `DatabaseDirectory ${TEST_SIGNATURE_DIR}`,
    'Foreground yes',
    `LogFile ${logFile}`,
    `TemporaryDirectory ${dir}`,
    `StreamMaxLength ${options.streamMaxLength ?? '2M'}`,
    `MaxFileSize ${options.maxFileSize ?? '2M'}`,
    `MaxScanSize ${options.maxScanSize ?? '8M'}`,
    'SelfCheck 0',
    ...(options.extraConfig ?? []),
  ];
  await writeFile(configFile, `${lines.join('\n')}\n`);
  const child: ChildProcess = spawn(CLAMD_BINARY, ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => {
    stderr += data.toString();
  });
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const client = new ClamdClient({ kind: 'tcp', host: '127.0.0.1', port }, { connectTimeoutMs: 500 });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      await client.ping();
      return { port, address: `tcp://127.0.0.1:${port}`, configFile, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const log = await readFile(logFile, 'utf8').catch(() => '');
  await stop();
  throw new Error(
    `clamd did not answer PING within 30 s (exit ${child.exitCode}): ${stderr}\n${log.split('\n').slice(-15).join('\n')}`,
  );
}

/** Whether `clamdscan` is installed (the benchmark compares against it). */
export function hasClamdscan(): boolean {
  return spawnSync('clamdscan', ['--version']).status === 0;
}
