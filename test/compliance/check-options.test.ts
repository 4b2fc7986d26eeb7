import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeAwsSession } from '../support/fake-aws-session.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

interface JsonControl {
  id: string;
  status: string;
  nonDefaultCheckOptions?: string[];
}
interface JsonCompliance {
  controls: JsonControl[];
  nonDefaultCheckOptions: { checkId: string; options: Record<string, unknown>; defaults: Record<string, unknown> }[];
}

const NOTE = '* decided with non-default check options: iam-user-unused-credentials (days: 3650; default 45)';

// the demo makes no AWS call: only the scratch directory for config files is used
const workDir = useFakeAwsSession('cloudwarden-compliance-options-');

async function config(name: string, text: string): Promise<string> {
  const file = path.join(workDir(), name);
  await writeFile(file, text, 'utf8');
  return file;
}

async function demo(args: string[]): Promise<string> {
  // wide, so that the options note stays on one line
  const run = await runCliInProcess(['demo', '-q', ...args], { env: { COLUMNS: '400' } });
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

/** The Status cell of one control's row in the table. */
function tableStatus(table: string, id: string): string | undefined {
  const row = table.split('\n').find((line) => line.startsWith(`${id} `));
  return row?.split(/ {2,}/)[1]?.trim();
}

describe('--compliance with check options (--config)', () => {
  it('marks a control decided with non-default options and names the options, in table and json', async () => {
    const file = await config('lenient.yaml', 'checks:\n  iam-user-unused-credentials:\n    days: 3650\n');

    const plain = await demo(['--compliance', 'cis-aws-v3.0']);
    expect(tableStatus(plain, '1.12')).toBe('FAIL');
    expect(plain).not.toContain('non-default');
    expect(plain).not.toMatch(/(PASS|FAIL|UNKNOWN)\*/);

    const table = await demo(['--config', file, '--compliance', 'cis-aws-v3.0']);
    expect(tableStatus(table, '1.12')).toBe('PASS*');
    expect(table.split('\n')).toContain(NOTE);
    // controls that no configured check decides keep their plain status
    expect(tableStatus(table, '1.16')).toBe('FAIL');

    const json = JSON.parse(
      await demo(['--config', file, '--compliance', 'cis-aws-v3.0', '-f', 'json']),
    ) as JsonCompliance;
    expect(json.nonDefaultCheckOptions).toEqual([
      { checkId: 'iam-user-unused-credentials', options: { days: 3650 }, defaults: { days: 45 } },
    ]);
    expect(json.controls.find((c) => c.id === '1.12')).toMatchObject({
      status: 'pass',
      nonDefaultCheckOptions: ['iam-user-unused-credentials'],
    });
    expect(json.controls.filter((c) => c.nonDefaultCheckOptions).map((c) => c.id)).toEqual(['1.12']);

    const defaults = JSON.parse(await demo(['--compliance', 'cis-aws-v3.0', '-f', 'json'])) as JsonCompliance;
    expect(defaults.nonDefaultCheckOptions).toEqual([]);
    expect(defaults.controls.find((c) => c.id === '1.12')).toMatchObject({ status: 'fail' });
    expect(defaults.controls.some((c) => 'nonDefaultCheckOptions' in c)).toBe(false);
  });

  it('a config that restates the defaults marks nothing', async () => {
    const file = await config(
      'defaults.yaml',
      'checks:\n  iam-user-unused-credentials:\n    days: 45\n  iam-principal-no-full-admin:\n',
    );
    const table = await demo(['--config', file, '--compliance', 'cis-aws-v3.0']);
    expect(tableStatus(table, '1.12')).toBe('FAIL');
    expect(table).not.toContain('non-default');
    expect(table).not.toMatch(/(PASS|FAIL|UNKNOWN)\*/);
    const json = JSON.parse(
      await demo(['--config', file, '--compliance', 'cis-aws-v3.0', '-f', 'json']),
    ) as JsonCompliance;
    expect(json.nonDefaultCheckOptions).toEqual([]);
  });

  it('says so in csv, markdown and html too, and lists non-default ports for FSBP EC2.19', async () => {
    const file = await config('ports.yaml', 'checks:\n  ec2-sg-no-public-admin-ports:\n    ports: [22]\n');
    const note = '* decided with non-default check options: ec2-sg-no-public-admin-ports (ports: [22]; default [';
    const csv = await demo(['--config', file, '--compliance', 'aws-fsbp', '-f', 'csv']);
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header?.split(',').at(-1)).toBe('non_default_check_options');
    expect(
      rows
        .find((r) => r.startsWith('aws-fsbp,EC2.19,'))
        ?.split(',')
        .at(-1),
    ).toBe('ec2-sg-no-public-admin-ports');
    const markdown = await demo(['--config', file, '--compliance', 'aws-fsbp', '-f', 'markdown']);
    expect(markdown).toMatch(/^\| EC2\.19 \| (PASS|FAIL|UNKNOWN)\\\* \|/m);
    expect(markdown).toContain(
      'decided with non-default check options: ec2-sg-no-public-admin-ports (ports: \\[22\\]; default \\[',
    );
    const html = await demo(['--config', file, '--compliance', 'aws-fsbp', '-f', 'html']);
    expect(html).toMatch(/<td>EC2\.19<\/td><td>(PASS|FAIL|UNKNOWN)\*/);
    expect(html).toContain(`<p>${note}`);
  });

  it('the scan report in json lists the non-default options too', async () => {
    const file = await config('lenient-scan.yaml', 'checks:\n  iam-user-unused-credentials:\n    days: 3650\n');
    const report = JSON.parse(await demo(['--config', file, '-f', 'json'])) as { nonDefaultCheckOptions?: unknown };
    expect(report.nonDefaultCheckOptions).toEqual([
      { checkId: 'iam-user-unused-credentials', options: { days: 3650 }, defaults: { days: 45 } },
    ]);
    const plain = JSON.parse(await demo(['-f', 'json'])) as Record<string, unknown>;
    expect('nonDefaultCheckOptions' in plain).toBe(false);
  });
});
