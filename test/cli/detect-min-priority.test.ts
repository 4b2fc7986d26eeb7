import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectCommand, type DetectOptions } from '../../src/cli/detect.ts';
import { PRIORITIES } from '../../src/detect/rules/definitions.ts';

const repo = new URL('../../', import.meta.url).pathname;
const stratusDir = new URL('../fixtures/third-party/stratus-red-team/', import.meta.url).pathname;

/** the priorities of the alerts the built-in packs raise on the Stratus records */
async function priorities(options: DetectOptions = {}): Promise<string[]> {
  let stdout = '';
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await detectCommand(
    { source: [stratusDir], format: 'json', workers: '0', ...options },
    { stdout: out, stderr: { write: () => true } },
  );
  expect(code).toBe(0);
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { priority: string }).priority);
}

describe('detect --min-priority', () => {
  it("drops alerts below the level and keeps the rest, as Falco's priority setting does", async () => {
    const all = await priorities();
    const rank = (label: string) => PRIORITIES.indexOf(label.toUpperCase() as (typeof PRIORITIES)[number]);
    // the Stratus records raise alerts on both sides of ERROR, so the filter has something to drop and to keep
    expect(all.some((p) => rank(p) > rank('ERROR'))).toBe(true);
    expect(all.some((p) => rank(p) <= rank('ERROR'))).toBe(true);
    const kept = await priorities({ minPriority: 'error' });
    expect(kept).toEqual(all.filter((p) => rank(p) <= rank('ERROR')));
    expect(await priorities({ minPriority: 'INFO' })).toEqual(all.filter((p) => rank(p) <= rank('INFORMATIONAL')));
  });

  it('rejects an unknown level with one line and exit 2, before reading', () => {
    const run = spawnSync(
      process.execPath,
      ['bin/cloudwarden.js', 'detect', '--source', stratusDir, '--min-priority', 'severe'],
      {
        cwd: repo,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'error: --min-priority: "severe" is not a priority (emergency, alert, critical, error, warning, notice, informational, debug)\n',
    );
  });
});
