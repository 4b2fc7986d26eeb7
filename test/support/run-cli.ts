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
   * Read stdout the way `cloudwarden ... | jq` does on a busy machine: through a real pipe (64 KiB)
   * whose reader starts this many ms late. A CLI that exits before its output drained loses the
   * rest, and the test sees it. (Without this, Node gives the child a socket pair with a buffer
   * large enough to hide the loss.) Needs bash.
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
    const command = [process.execPath, BIN, ...args];
    const [file, argv] =
      slowReaderMs === undefined
        ? [process.execPath, command.slice(1)]
        : ['bash', ['-c', `set -o pipefail; "$@" | { sleep ${slowReaderMs / 1000}; cat; }`, 'bash', ...command]];
    const child = spawn(file, argv, {
      env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === null) reject(new Error(`cloudwarden ${args.join(' ')} was killed by ${signal}`));
      else resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
