import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/cloudwarden.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * Leave stdout unread until the CLI exits or this many ms have passed, like a consumer that is
   * slower than the CLI (`| jq` on a busy machine): a CLI that exits before its output reached the
   * pipe loses the rest, and the test sees it.
   */
  slowReaderMs?: number;
}

function isOptions(value: NodeJS.ProcessEnv | CliOptions): value is CliOptions {
  return 'env' in value || 'slowReaderMs' in value;
}

/**
 * Runs the real CLI (`node bin/cloudwarden.js ...`) in a child process, as a user would. The second
 * argument is either extra environment variables (the first form, still used) or `CliOptions`.
 */
export function runCli(args: readonly string[], envOrOptions: NodeJS.ProcessEnv | CliOptions = {}): Promise<CliRun> {
  const { env = {}, slowReaderMs } = isOptions(envOrOptions) ? envOrOptions : { env: envOrOptions };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const read = () => {
      if (child.stdout.listenerCount('data') === 0) child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    };
    if (slowReaderMs === undefined) read();
    else {
      const timer = setTimeout(read, slowReaderMs);
      child.on('exit', () => {
        clearTimeout(timer);
        read();
      });
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === null) reject(new Error(`cloudwarden ${args.join(' ')} was killed by ${signal}`));
      else resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
