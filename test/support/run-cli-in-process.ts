import { vi } from 'vitest';
import { run } from '../../src/cli/program.ts';
import type { CliRun } from './run-cli.ts';

/**
 * Runs the CLI in this process and captures what a user would see: the SDK mocks of the calling test
 * apply, and no child process is started (one costs seconds on a loaded machine). `cwd` is where the
 * command runs, for commands that read files from the working directory (default accept files).
 */
export async function runCliInProcess(args: readonly string[], cwd?: string): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  process.exitCode = undefined;
  try {
    const code = await run(['node', 'cloudwarden', ...args]);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.chdir(previous);
    process.exitCode = undefined;
    out.mockRestore();
    err.mockRestore();
  }
}
