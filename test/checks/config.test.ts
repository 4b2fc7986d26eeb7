import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckConfig, parseCheckConfig } from '../../src/checks/config.ts';
import { UserError } from '../../src/errors.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

const FILE = 'cloudwarden.yaml';

function problem(text: string): string {
  try {
    parseCheckConfig(text, FILE);
  } catch (error) {
    if (error instanceof UserError) return error.format();
    throw error;
  }
  throw new Error('the config was accepted');
}

describe('parseCheckConfig', () => {
  it('reads the options of each check, with defaults for the fields it leaves out', () => {
    const options = parseCheckConfig(
      [
        'checks:',
        '  ec2-sg-no-public-admin-ports:',
        '    ports: [22, 3389, 5432, 6379]',
        '  iam-user-access-keys-rotated:',
        '    days: 30',
        '',
      ].join('\n'),
      FILE,
    );
    expect(Object.fromEntries(options)).toEqual({
      'ec2-sg-no-public-admin-ports': { ports: [22, 3389, 5432, 6379] },
      'iam-user-access-keys-rotated': { days: 30 },
    });
  });

  it('an empty file, an empty checks section and a check id alone keep every default', () => {
    expect(parseCheckConfig('', FILE).size).toBe(0);
    expect(parseCheckConfig('# nothing yet\n', FILE).size).toBe(0);
    expect(parseCheckConfig('checks:\n', FILE).size).toBe(0);
    expect(
      parseCheckConfig('checks:\n  iam-user-unused-credentials:\n', FILE).get('iam-user-unused-credentials'),
    ).toEqual({ days: 45 });
  });

  const bad: [string, string, string][] = [
    [
      'bad YAML',
      'checks:\n  ec2-sg-no-public-admin-ports:\n    ports: [22, 3389\n',
      'cloudwarden.yaml:4:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'a list at the top',
      '- checks\n',
      'cloudwarden.yaml:1:1: a config file is a YAML mapping with a "checks:" section',
    ],
    [
      'an unknown section',
      'checks: {}\nrules:\n  x: 1\n',
      'cloudwarden.yaml:2:1: rules: unknown section (known: checks)',
    ],
    [
      'checks is a list',
      'checks:\n  - ec2-sg-no-public-admin-ports\n',
      'cloudwarden.yaml:2:3: checks: expected a mapping of check ids to their options',
    ],
    [
      'an unknown check id',
      'checks:\n  ec2-sg-no-public-ssh:\n    ports: [22]\n',
      'cloudwarden.yaml:2:3: checks.ec2-sg-no-public-ssh: unknown check id (see `cloudwarden checks list`)',
    ],
    [
      'an alias instead of the id',
      'checks:\n  EC2.19:\n    ports: [22]\n',
      'cloudwarden.yaml:2:3: checks.EC2.19: unknown check id: options are set by check id (ec2-sg-no-public-admin-ports)',
    ],
    [
      'a check without options',
      'checks:\n  s3-bucket-versioning-enabled:\n    days: 3\n',
      'cloudwarden.yaml:2:3: checks.s3-bucket-versioning-enabled: this check has no options (checks with options: ',
    ],
    [
      'an unknown option',
      'checks:\n  ec2-sg-no-public-admin-ports:\n    port: [22]\n',
      'cloudwarden.yaml:3:5: checks.ec2-sg-no-public-admin-ports.port: unknown option (ec2-sg-no-public-admin-ports has: ports)',
    ],
    [
      'options that are not a mapping',
      'checks:\n  ec2-sg-no-public-admin-ports: [22, 3389]\n',
      'cloudwarden.yaml:2:33: checks.ec2-sg-no-public-admin-ports: expected a mapping of option names to values (ec2-sg-no-public-admin-ports has: ports)',
    ],
    [
      'a port that is not a number',
      'checks:\n  ec2-sg-no-public-admin-ports:\n    ports: [22, "ssh"]\n',
      'cloudwarden.yaml:3:17: checks.ec2-sg-no-public-admin-ports.ports[1]: expected a port number 0-65535',
    ],
    [
      'a port out of range, in block style',
      'checks:\n  ec2-sg-no-public-admin-ports:\n    ports:\n      - 22\n      - 70000\n',
      'cloudwarden.yaml:5:9: checks.ec2-sg-no-public-admin-ports.ports[1]: expected a port number 0-65535',
    ],
    [
      'a single port instead of a list',
      'checks:\n  ec2-sg-no-public-admin-ports:\n    ports: 22\n',
      'cloudwarden.yaml:3:12: checks.ec2-sg-no-public-admin-ports.ports: expected a list of port numbers, e.g. [22, 3389]',
    ],
    [
      'an empty port list',
      'checks:\n  ec2-sg-no-public-admin-ports:\n    ports: []\n',
      'cloudwarden.yaml:3:12: checks.ec2-sg-no-public-admin-ports.ports: expected at least one port',
    ],
    [
      'days as text',
      'checks:\n  iam-user-access-keys-rotated:\n    days: ninety\n',
      'cloudwarden.yaml:3:11: checks.iam-user-access-keys-rotated.days: expected a whole number of days (1 or more)',
    ],
    [
      'zero days',
      'checks:\n  iam-user-unused-credentials:\n    days: 0\n',
      'cloudwarden.yaml:3:11: checks.iam-user-unused-credentials.days: expected a whole number of days (1 or more)',
    ],
    ['a duplicate key', 'checks: {}\nchecks: {}\n', 'cloudwarden.yaml:2:1: Map keys must be unique'],
    [
      'an alias to no anchor',
      'checks:\n  iam-user-unused-credentials:\n    days: *limit\n',
      'cloudwarden.yaml:3:11: Unresolved alias (the anchor must be set before the alias): limit',
    ],
    [
      'aliases that expand without bound',
      `a: &a [1, 1]\nb: &b [${'*a, '.repeat(9)}*a]\nc: &c [${'*b, '.repeat(9)}*b]\nd: &d [${'*c, '.repeat(9)}*c]\ne: [${'*d, '.repeat(9)}*d]\n`,
      'cloudwarden.yaml:2:8: Excessive alias count indicates a resource exhaustion attack',
    ],
  ];
  it.each(bad)('%s: one line naming file:line:column and the field', (_name, text, expected) => {
    const message = problem(text);
    expect(message.startsWith(expected), message).toBe(true);
    expect(message).not.toContain('\n');
  });
});

describe('loadCheckConfig', () => {
  it('loads the example that docs/scan-aws.md points to', async () => {
    const options = await loadCheckConfig(fileURLToPath(new URL('../../examples/cloudwarden.yaml', import.meta.url)));
    expect(Object.fromEntries(options)).toEqual({
      'ec2-sg-no-public-admin-ports': { ports: [3306, 5432, 6379, 27017] },
      'iam-user-unused-credentials': { days: 30 },
      'iam-user-access-keys-rotated': { days: 60 },
      'iam-principal-no-full-admin': {
        allow: ['arn:aws:iam::*:role/BreakGlass*', 'arn:aws:iam::*:role/terraform-apply'],
      },
    });
  });

  it('names a missing file', async () => {
    await expect(loadCheckConfig('/nonexistent/cloudwarden.yaml')).rejects.toThrow(
      new UserError('config file not found', { file: '/nonexistent/cloudwarden.yaml' }),
    );
  });
});

describe('--config on the CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function config(name: string, text: string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, text, 'utf8');
    return file;
  }

  async function sgResults(args: string[]): Promise<Record<string, { status: string; message: string }>> {
    const run = await runCliInProcess([
      'demo',
      '-q',
      '--format',
      'json',
      '--check',
      'ec2-sg-no-public-admin-ports',
      ...args,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      results: { resource: { arn: string }; status: string; message: string }[];
    };
    return Object.fromEntries(
      report.results.map((r) => [r.resource.arn.split('/').pop(), { status: r.status, message: r.message }]),
    );
  }

  it('demo --config changes what is checked: HTTPS listed as an admin port fails the web group, SSH stays checked', async () => {
    const before = await sgResults([]);
    expect(before['sg-0web0a1b2c3d4e5f6']).toEqual({
      status: 'fail',
      message: 'open to the internet: 22 (SSH) from 0.0.0.0/0',
    });
    const after = await sgResults([
      '--config',
      await config('https.yaml', 'checks:\n  ec2-sg-no-public-admin-ports:\n    ports: [443]\n'),
    ]);
    expect(after['sg-0web0a1b2c3d4e5f6']).toEqual({
      status: 'fail',
      message: 'open to the internet: 22 (SSH) from 0.0.0.0/0, 443 from 0.0.0.0/0',
    });
  });

  it.each([['demo'], ['scan', 'snapshot', 'examples/demo-account.json']])(
    '%s: a bad config file exits 2 with one line',
    async (...command) => {
      const file = await config('bad.yaml', 'checks:\n  ec2-sg-no-public-admin-ports:\n    ports: [22, 65536]\n');
      const run = await runCliInProcess([...command, '--config', file]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `error: ${file}:3:17: checks.ec2-sg-no-public-admin-ports.ports[1]: expected a port number 0-65535\n`,
      );
    },
  );
});
