import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('cloudwarden --version', () => {
  it('prints the package version alone, with -v and --version, exit 0', async () => {
    for (const flag of ['--version', '-v']) {
      const result = await runCliInProcess([flag]);
      expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('is still parsed as the option when more arguments follow', async () => {
    const result = await runCliInProcess(['--version', 'demo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });
});
