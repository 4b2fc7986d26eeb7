import { vi } from 'vitest';
import { run } from '../../src/cli/program.ts';
import type { CliRun } from './run-cli.ts';

export interface InProcessOptions {
  /** where the command runs, for commands that read files from the working directory (default accept files) */
  cwd?: string;
  /** environment variables set for the call only */
  env?: Record<string, string>;
}

/**
 * The one in-process CLI runner of the tests: the same `run` the binary calls, with stdout and stderr captured.
 * The SDK mocks of the calling test apply, and no child process is started (one costs seconds on a loaded machine).
 * Commands that wait for stdout's write callbacks (detect's alert sink) need `runCli`: a captured write has none.
 */
export async function runCliInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<CliRun> {
  const captured = { stdout: '', stderr: '' };
  const spies = (['stdout', 'stderr'] as const).map((stream) =>
    vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      captured[stream] += String(chunk);
      return true;
    }),
  );
  for (const [name, value] of Object.entries(options.env ?? {})) vi.stubEnv(name, value);
  const previous = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await run(['node', 'cloudwarden', ...args]);
    return { code, ...captured };
  } finally {
    process.chdir(previous);
    for (const spy of spies) spy.mockRestore();
    if (options.env) vi.unstubAllEnvs();
  }
}
