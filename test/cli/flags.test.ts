import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { fullProgram } from '../../src/cli/program.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { runCli } from '../support/run-cli.ts';

/** The "Flags by command" table of docs/cli.md, read here so that the docs and the commands cannot drift apart. */
const doc = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
const tableText = doc.slice(doc.indexOf('## Flags by command'));
const rows = tableText
  .split('\n')
  .filter((line) => line.startsWith('|') && !line.startsWith('|---'))
  .map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
const [header, ...body] = rows;
const commands = header!.slice(1);
const expectations = body.flatMap((row) => {
  const flags = row[0]!.replace(/`/g, '').split(', ');
  return commands.flatMap((command, i) => (row[i + 1] === '✓' ? flags.map((flag) => ({ command, flag })) : []));
});

function find(program: Command, path: string): Command | undefined {
  return path
    .split(' ')
    .reduce<Command | undefined>((at, name) => at?.commands.find((c) => c.name() === name), program);
}

describe('docs/cli.md flag table', () => {
  it('is there and lists the commands', () => {
    expect(commands).toContain('scan snapshot');
    expect(commands).toContain('detect');
    expect(expectations.length).toBeGreaterThan(60);
  });

  it.each(expectations)('$command accepts $flag', async ({ command, flag }) => {
    const cmd = find(await fullProgram(), command);
    expect(cmd, `no command "${command}"`).toBeDefined();
    expect(cmd!.options.some((o) => o.long === flag || o.short === flag)).toBe(true);
  });
});

describe('shared flags in use', () => {
  it('scan snapshot and demo take --service lists', async () => {
    const result = await runCliInProcess(['demo', '--service', 's3,iam', '--format', 'json', '-q']);
    expect(result.code).toBe(0);
    const services = new Set(
      (JSON.parse(result.stdout) as { results: { checkId: string }[] }).results.map((r) => r.checkId.split('-')[0]),
    );
    expect([...services].sort()).toEqual(['iam', 's3']);
  });

  it('an unknown service is a usage error naming the known ones', async () => {
    const result = await runCliInProcess(['scan', 'snapshot', 'examples/demo-account.json', '--service', 's3,nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--service: no checks for service "nope" \(there are checks for .*s3/);
  });

  it('vulns report takes -s like scan', async () => {
    const result = await runCliInProcess(['vulns', 'report', '--from', 'nope.json', '-s', 'CRITICAL']);
    expect(result.stderr).not.toMatch(/unknown option/);
  });
});

describe('detect --format table', () => {
  it('fits COLUMNS=80, breaks between words, and has no escape codes off a terminal', async () => {
    {
      // a child process: the alert sink waits for stdout's write callbacks, which a spied stdout never calls
      const result = await runCli(
        [
          'detect',
          '--no-builtin',
          '--rules',
          'test/fixtures/cloudtrail/detect/trail-tampering.yaml',
          '--source',
          'test/fixtures/third-party/stratus-red-team',
          '-f',
          'table',
          '-q',
          '--workers',
          '0',
        ],
        { env: { COLUMNS: '80' } },
      );
      const lines = result.stdout.split('\n').filter(Boolean);
      expect(lines[0]).toMatch(/^TIME +PRIORITY +RULE +OUTPUT$/);
      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
      expect(result.stdout).not.toMatch(/\u001b\[/);
      expect(result.stderr).not.toMatch(/^detect:/m);
    }
  });
});
