import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectCommand, type DetectOptions } from '../../src/cli/detect.ts';
import { UserError } from '../../src/errors.ts';
import { logFileText, stratusRecords, tempDir } from '../detect/pipeline/support/cloudtrail-data.ts';

const rulesFile = new URL('../fixtures/cloudtrail/detect/trail-tampering.yaml', import.meta.url).pathname;

async function detect(options: DetectOptions): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await detectCommand(
    { builtin: false, rules: [rulesFile], workers: '0', ...options },
    {
      stdout: new PassThrough(),
      stderr: { write: (chunk: string) => (stderr += chunk) },
      controller: new AbortController(),
    },
  );
  return { code, stderr };
}

describe('detect --output-file that is an input', () => {
  const text = logFileText(stratusRecords('aws.defense-evasion.cloudtrail-stop'));

  it('is refused (one-line UserError, exit 2) and the input is left untouched: same path, ./path, symlink, file in a --source directory', async () => {
    const dir = tempDir();
    const input = join(dir, 'trail.json');
    writeFileSync(input, text);
    symlinkSync(input, join(dir, 'link.json'));
    mkdirSync(join(dir, 'logs', 'sub'), { recursive: true });
    const nested = join(dir, 'logs', 'sub', 'b.json');
    writeFileSync(nested, text);
    const cases: [string[], string][] = [
      [[input], input],
      [[input], `./${relative(process.cwd(), input)}`],
      [[join(dir, 'link.json')], input],
      [[input], join(dir, 'link.json')],
      [[join(dir, 'logs')], nested],
      [[join(dir, 'logs')], join(dir, 'logs', 'sub', 'new-alerts.json')],
      [[dir], join(dir, 'logs', '..', 'trail.json')],
    ];
    for (const [source, outputFile] of cases) {
      const run = detect({ source, outputFile });
      await expect(run).rejects.toThrow(UserError);
      await expect(run).rejects.toThrow(/^--output .* would overwrite the input /);
    }
    expect(readFileSync(input, 'utf8')).toBe(text);
    expect(readFileSync(nested, 'utf8')).toBe(text);
  });

  it('is allowed next to the input, and for a file in a source directory that the walk would not read', async () => {
    for (const [name, asDirectory] of [
      ['alerts.json', false],
      ['alerts.txt', true],
    ] as const) {
      const dir = tempDir();
      const input = join(dir, 'trail.json');
      writeFileSync(input, text);
      const outputFile = join(dir, name);
      const result = await detect({ source: [asDirectory ? dir : input], outputFile, format: 'json' });
      expect(result.code).toBe(0);
      expect(readFileSync(outputFile, 'utf8')).toContain('StopLogging');
      expect(readFileSync(input, 'utf8')).toBe(text);
    }
  });
});

describe('detect warning lines', () => {
  it('show control characters of an input name and of a bad record escaped: one problem, one line', async () => {
    const dir = tempDir();
    const input = join(dir, 'trail\nwarning: forged\x1b[2K.jsonl');
    writeFileSync(input, '{"eventName": "StopLogging\u0007\n');
    const { stderr } = await detect({ source: [input] });
    const warnings = stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('trail\\nwarning: forged\\x1b[2K.jsonl');
    expect(stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});
