// The cloudwarden: key (threshold, first_seen, sequence): validation with file:line, the semantics on event time,
// the same alerts with and without worker threads, the --state file across runs, and the documented examples.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectCommand, type DetectOptions } from '../../../src/cli/detect.ts';
import {
  loadRules,
  loadRulesFromSources,
  serializeRuleSources,
  validateRules,
} from '../../../src/detect/engine/index.ts';
import type { Alert } from '../../../src/detect/engine/types.ts';
import { engineRecipe } from '../../../src/detect/pipeline/matcher-recipe.ts';
import { runDetection, type DetectionUnit } from '../../../src/detect/pipeline/run-detection.ts';
import { compileMatcher, formatDiagnostic } from '../../../src/detect/engine/index.ts';
import { StatefulStage } from '../../../src/detect/stateful/stage.ts';
import { UserError } from '../../../src/errors.ts';
import { tempDir, writeLogFile } from '../pipeline/support/cloudtrail-data.ts';
import { ACCOUNT, alice, cloudTrailRecord, type CtRecord } from '../packs/pack-cases.ts';
import { at, StatefulRun } from './support.ts';

/** detect's JSON alerts spell time as Falco does, with nanoseconds */
const falcoTime = (time: string): string => time.replace(/Z$/, '.000000000Z');

function rule(cloudwarden: string, condition = 'ct.name="DeleteObject" and not ct.error exists'): string {
  return `- rule: R\n  desc: d\n  condition: ${condition}\n  output: by %ct.user.arn from %ct.srcip\n  priority: WARNING\n  source: aws_cloudtrail\n  cloudwarden:\n${cloudwarden}`;
}

const run = (yaml: string) => new StatefulRun(loadRulesFromSources([{ file: 'r.yaml', text: yaml }]));
const deleteObject = (second: number, extra: CtRecord = {}) =>
  cloudTrailRecord('s3.amazonaws.com', 'DeleteObject', { bucketName: 'acme-data', key: `k${second}` }, null, {
    eventTime: at(second),
    ...extra,
  });
const bob = {
  ...alice,
  principalId: 'AIDAEXAMPLEBOB0000001',
  arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
  userName: 'bob',
  accessKeyId: 'AKIAEXAMPLEBOB000001',
};

describe('rules validate: the cloudwarden: key', () => {
  const dir = tempDir();
  const diagnose = async (text: string) => {
    const file = join(dir, `r${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    return (await validateRules([file])).map((d) => formatDiagnostic(d).slice(file.length));
  };
  it.each([
    [
      'an unknown key',
      rule('    threshold: {count: 5, windw: 5m, by: [ct.user.arn]}\n'),
      ':8:27: unknown key "windw" in cloudwarden.threshold (expected one of: count, window, by, distinct)',
    ],
    [
      'a bad duration',
      rule('    threshold: {count: 5, window: 5min, by: [ct.user.arn]}\n'),
      ':8:35: cloudwarden.threshold.window "5min" is not a duration (a positive whole number and s, m, h or d: 90s, 5m, 1h, 30d)',
    ],
    [
      'an unknown field',
      rule('    first_seen: {within: 30d, by: [ct.user.arn, ct.srcipp]}\n'),
      ':8:49: rule "R": unknown field ct.srcipp (did you mean ct.srcip?)',
    ],
    [
      'two kinds',
      rule('    threshold: {count: 5, window: 5m, by: [ct.user.arn]}\n    first_seen: {within: 30d, by: [ct.srcip]}\n'),
      ':8:5: cloudwarden must hold exactly one of threshold, first_seen, sequence',
    ],
    [
      'a count of 1',
      rule('    threshold: {count: 1, window: 5m, by: [ct.user.arn]}\n'),
      ':8:24: cloudwarden.threshold.count must be a whole number from 2 to 1000',
    ],
    [
      'steps of different widths',
      rule(
        '    sequence:\n      within: 1h\n      steps:\n        - {condition: ct.name=A, by: [ct.srcip]}\n        - {condition: ct.name=B, by: [ct.srcip, ct.user.arn]}\n',
        'ct.name in (A, B)',
      ),
      ':12:39: cloudwarden.sequence.steps[1].by has 2 fields but steps[0].by has 1: the keys are compared field by field',
    ],
    [
      'a step condition naming an undefined macro',
      rule(
        '    sequence:\n      within: 1h\n      by: [ct.srcip]\n      steps:\n        - condition: ct.name=A\n        - condition: no_such_macro\n',
        'ct.name in (A, B)',
      ),
      ':13:22: rule "R": undefined macro no_such_macro',
    ],
  ])('%s: one line with file:line:col', async (_what, text, expected) => {
    expect(await diagnose(text)).toEqual([expected]);
  });

  it('accepts the three kinds', async () => {
    expect(
      await diagnose(
        rule(
          '    threshold:\n      count: 5\n      window: 90s\n      by: [ct.user.arn]\n      distinct: [ct.srcip]\n',
        ),
      ),
    ).toEqual([]);
  });
});

describe('threshold', () => {
  const yaml = rule('    threshold: {count: 3, window: 5m, by: [ct.user.arn]}\n');
  it('alerts once per burst, at the event that reaches the count, and again after a quiet window', () => {
    const alerts = run(yaml).feed([
      deleteObject(0),
      deleteObject(10),
      deleteObject(20),
      deleteObject(30),
      deleteObject(200),
      deleteObject(450),
      deleteObject(800),
      deleteObject(801),
      deleteObject(802),
    ]);
    expect(alerts.map((a) => a.time)).toEqual([at(20), at(802)]);
    expect(alerts[0]?.output).toBe(`by ${alice.arn} from 203.0.113.10 [3 matching events by one key within 5m]`);
    expect(alerts[0]?.output_fields).toMatchObject({ 'cloudwarden.count': 3, 'cloudwarden.window_start': at(0) });
    expect(alerts[0]).not.toHaveProperty('stateful');
  });
  it('counts on event time, not on arrival: events out of order still fall in the window; spread ones do not', () => {
    expect(run(yaml).feed([deleteObject(100), deleteObject(0), deleteObject(50)])).toHaveLength(1);
    expect(run(yaml).feed([deleteObject(0), deleteObject(301), deleteObject(602)])).toHaveLength(0);
  });
  it('keys by the by fields: two users under the count each stay quiet', () => {
    expect(
      run(yaml).feed([
        deleteObject(0),
        deleteObject(1, { userIdentity: bob }),
        deleteObject(2),
        deleteObject(3, { userIdentity: bob }),
      ]),
    ).toHaveLength(0);
  });
  it('does not count refused calls the condition leaves out', () => {
    expect(run(yaml).feed([0, 1, 2, 3].map((s) => deleteObject(s, { errorCode: 'AccessDenied' })))).toHaveLength(0);
  });
});

describe('first_seen', () => {
  const signIn = (day: number, ip: string, who = alice) =>
    cloudTrailRecord(
      'signin.amazonaws.com',
      'ConsoleLogin',
      null,
      { ConsoleLogin: 'Success' },
      { eventTime: at(day * 86400), sourceIPAddress: ip, userIdentity: who },
    );
  const yaml = (extra: string) =>
    rule(`    first_seen:\n      by: [ct.user.arn, ct.srcip]\n      within: 30d\n${extra}`, 'ct.name="ConsoleLogin"');
  it('learns for `within` by default, then alerts on a key not seen within it', () => {
    const alerts = run(yaml('')).feed([
      signIn(0, '192.0.2.1'),
      signIn(10, '192.0.2.2'),
      signIn(31, '192.0.2.1'),
      signIn(32, '192.0.2.3'),
      signIn(33, '192.0.2.3'),
      signIn(80, '192.0.2.3'),
    ]);
    expect(alerts.map((a) => [a.output_fields['ct.srcip'], a.output_fields['cloudwarden.last_seen']])).toEqual([
      ['192.0.2.1', at(0)],
      ['192.0.2.3', null],
      ['192.0.2.3', at(33 * 86400)],
    ]);
  });
  it('with learn: 0s alerts on the first sight of each key', () => {
    expect(
      run(yaml('      learn: 0s\n')).feed([
        signIn(0, '192.0.2.1'),
        signIn(0.5, '192.0.2.1'),
        signIn(1, '192.0.2.1', bob),
      ]),
    ).toHaveLength(2);
  });
  it('with given, alerts only for a key whose given part was seen before', () => {
    const alerts = run(yaml('      given: [ct.user.arn]\n')).feed([
      signIn(0, '192.0.2.1'),
      signIn(1, '192.0.2.1'),
      signIn(2, '192.0.2.9'),
      signIn(3, '192.0.2.5', bob),
    ]);
    expect(alerts.map((a) => a.output_fields['ct.srcip'])).toEqual(['192.0.2.9']);
  });
});

describe('sequence', () => {
  // the documented example: a key created for another user (step 0), then a call with that key (step 1)
  const yaml = rule(
    '    sequence:\n      within: 1h\n      steps:\n        - condition: ct.name="CreateAccessKey"\n          by:\n            - json.value[/responseElements/accessKey/accessKeyId]\n        - condition: ct.name!="CreateAccessKey"\n          by:\n            - json.value[/userIdentity/accessKeyId]\n',
    '(ct.name="CreateAccessKey" and not ct.error exists) or ct.user.identitytype="IAMUser"',
  );
  const created = (second: number, key: string) =>
    cloudTrailRecord(
      'iam.amazonaws.com',
      'CreateAccessKey',
      { userName: 'bob' },
      { accessKey: { accessKeyId: key, status: 'Active', userName: 'bob', createDate: 'Sep 12, 2024, 10:00:00 AM' } },
      { eventTime: at(second) },
    );
  const usedBy = (second: number, key: string) =>
    cloudTrailRecord('sts.amazonaws.com', 'GetCallerIdentity', null, null, {
      eventTime: at(second),
      userIdentity: { ...bob, accessKeyId: key },
    });
  it('binds a value of step 0 to another field of step 1: the new key, then a call made with it', () => {
    const alerts = run(yaml).feed([
      created(0, 'AKIANEWKEY0000000001'),
      usedBy(60, 'AKIAOTHERKEY00000001'),
      usedBy(120, 'AKIANEWKEY0000000001'),
      usedBy(180, 'AKIANEWKEY0000000001'),
    ]);
    expect(alerts.map((a) => a.time)).toEqual([at(120)]);
    expect(alerts[0]?.output_fields['cloudwarden.first_time']).toBe(at(0));
  });
  it('needs the order and the window', () => {
    expect(run(yaml).feed([usedBy(0, 'AKIANEWKEY0000000001'), created(10, 'AKIANEWKEY0000000001')])).toHaveLength(0);
    expect(run(yaml).feed([created(0, 'AKIANEWKEY0000000001'), usedBy(3601, 'AKIANEWKEY0000000001')])).toHaveLength(0);
  });
});

describe('with worker threads', () => {
  it('gives the same alerts as the main thread alone, stateful ones included', async () => {
    const dir = tempDir();
    const yaml = rule('    threshold: {count: 4, window: 5m, by: [ct.user.arn]}\n');
    const rulesFile = join(dir, 'r.yaml');
    writeFileSync(rulesFile, yaml);
    const rules = await loadRules({ builtin: true, files: [rulesFile] });
    // bursts that straddle files: the count carries from one file (and thread) to the next
    const files = Array.from({ length: 12 }, (_, f) =>
      writeLogFile(
        join(dir, `f${String(f).padStart(2, '0')}.json`),
        Array.from({ length: 3 }, (_, i) =>
          deleteObject(f * 100 + i * 30, { userIdentity: f % 3 === 0 ? bob : alice }),
        ),
      ),
    );
    const stratus = new URL('../../fixtures/third-party/stratus-red-team/', import.meta.url).pathname;
    for (const t of [
      'secretsmanager-retrieve-secrets',
      'ssm-retrieve-securestring-parameters',
      'ec2-steal-instance-credentials',
    ])
      files.push(`${stratus}aws.credential-access.${t}.json`);
    const detect = async (workers: number) => {
      const alerts: Alert[] = [];
      const problems: string[] = [];
      async function* units(): AsyncGenerator<DetectionUnit> {
        for (const path of files) yield { label: path, task: { kind: 'file', path } };
      }
      const stateful = new StatefulStage(rules.rules);
      const recipe = engineRecipe(serializeRuleSources(rules));
      await runDetection(units(), {
        matcher: compileMatcher(rules),
        recipe,
        stateful,
        workers,
        workerThresholdBytes: 0,
        strict: false,
        onAlert: (a) => void alerts.push(a),
        onProblem: (p) => void problems.push(p),
      });
      expect(problems).toEqual([]);
      return alerts;
    };
    const inline = await detect(0);
    const pooled = await detect(2);
    expect(pooled).toEqual(inline);
    const rulesFired = inline.map((a) => a.rule);
    // alice's burst starts in f01 and reaches the count in f02; bob's events never make 4 within 5 minutes
    expect(inline.filter((a) => a.rule === 'R').map((a) => a.time)).toEqual([at(200)]);
    expect(rulesFired).toEqual(
      expect.arrayContaining([
        'Secrets Manager Secrets Read In Bulk',
        'SSM SecureString Parameters Decrypted In Bulk',
        'EC2 Instance Credentials Used From An Address That Accessed Instances',
      ]),
    );
  });
});

describe("an event's alerts", () => {
  // a stateful rule between two stateless ones, all matching each DeleteObject; the second of a user's two fires it
  const plain = (name: string) =>
    `- rule: ${name}\n  desc: d\n  condition: ct.name="DeleteObject"\n  output: by %ct.user.arn\n  priority: NOTICE\n  source: aws_cloudtrail\n`;
  const yaml = [
    plain('A'),
    rule('    threshold: {count: 2, window: 1m, by: [ct.user.arn]}\n').replace('- rule: R', '- rule: S'),
    plain('B'),
  ].join('\n');
  const events = [
    deleteObject(0),
    deleteObject(10),
    deleteObject(100, { userIdentity: bob }),
    deleteObject(110, { userIdentity: bob }),
  ];
  const expected = [
    ['A', 0],
    ['B', 0],
    ['A', 10],
    ['S', 10],
    ['B', 10],
    ['A', 100],
    ['B', 100],
    ['A', 110],
    ['S', 110],
    ['B', 110],
  ] as const;

  it.each([
    ['the main thread', 0],
    ['worker threads', 2],
  ])("keep the rules' load order, stateful ones among them, through %s", async (_how, workers) => {
    const dir = tempDir();
    const rules = loadRulesFromSources([{ file: 'r.yaml', text: yaml }]);
    const path = writeLogFile(join(dir, 'f.json'), events);
    const alerts: Alert[] = [];
    async function* units(): AsyncGenerator<DetectionUnit> {
      yield { label: path, task: { kind: 'file', path } };
    }
    await runDetection(units(), {
      matcher: compileMatcher(rules),
      recipe: engineRecipe(serializeRuleSources(rules)),
      stateful: new StatefulStage(rules.rules),
      workers,
      workerThresholdBytes: 0,
      strict: false,
      onAlert: (a) => void alerts.push(a),
      onProblem: (p) => {
        throw new Error(p);
      },
    });
    expect(alerts.map((a) => `${a.rule}@${a.time}`)).toEqual(expected.map(([name, second]) => `${name}@${at(second)}`));
    expect(
      run(yaml)
        .feed(events)
        .map((a) => a.rule),
    ).toEqual(expected.map(([name]) => name));
  });
});

describe('detect --state', () => {
  const dir = tempDir();
  const rulesFile = join(dir, 'r.yaml');
  writeFileSync(rulesFile, rule('    threshold: {count: 4, window: 5m, by: [ct.user.arn]}\n'));
  const first = writeLogFile(join(dir, 'hour1.json'), [deleteObject(3500), deleteObject(3530)]);
  const second = writeLogFile(join(dir, 'hour2.json'), [deleteObject(3610), deleteObject(3640), deleteObject(3650)]);

  async function detect(options: DetectOptions) {
    let stdout = '';
    let stderr = '';
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await detectCommand(
      { builtin: false, rules: [rulesFile], workers: '0', format: 'json', ...options },
      {
        stdout: out,
        stderr: { write: (chunk: string) => (stderr += chunk) },
        controller: new AbortController(),
        webhookBackoffMs: 1,
      },
    );
    return {
      code,
      alerts: stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Alert),
      stderr,
    };
  }

  it('carries a window across runs: two hourly runs give the alerts of one run over both files', async () => {
    const state = join(dir, 'state.json');
    const one = await detect({ source: [first, second] });
    const hour1 = await detect({ source: [first], state });
    const hour2 = await detect({ source: [second], state });
    expect(one.alerts.map((a) => a.time)).toEqual([falcoTime(at(3640))]);
    expect([...hour1.alerts, ...hour2.alerts]).toEqual(one.alerts);
    const saved = JSON.parse(readFileSync(state, 'utf8')) as {
      format: string;
      version: number;
      rules: Record<string, unknown>;
    };
    expect(saved).toMatchObject({ format: 'cloudwarden-detect-state', version: 1 });
    expect(Object.keys(saved.rules)).toEqual(['R']);
    // without the state the second hour alone is under the count
    expect((await detect({ source: [second] })).alerts).toEqual([]);
  });

  it('refuses a corrupt or foreign state file with one line (exit 2), unless --reset-state', async () => {
    const state = join(dir, 'bad-state.json');
    for (const text of [
      '{"format": "cloudwarden-detect-state", "version": 1, "rules": ',
      '{"version": 2, "sources": {}}',
      '{"format": "cloudwarden-detect-state", "version": 9, "rules": {}}',
    ]) {
      writeFileSync(state, text);
      const error = await detect({ source: [first], state }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).format()).toMatch(
        new RegExp(
          `^${state}: --state: not a cloudwarden detect state file of version 1 \\(.+\\); check --state, or pass --reset-state to start afresh$`,
        ),
      );
      expect((error as UserError).format()).not.toContain('\n');
    }
    writeFileSync(
      state,
      '{"format": "cloudwarden-detect-state", "version": 1, "rules": {"R": {"fingerprint": "[\\"threshold\\",4,300000,[\\"ct.user.arn\\"],null]", "state": {"keys": "oops"}}}}',
    );
    expect(((await detect({ source: [first], state }).catch((e: unknown) => e)) as UserError).message).toContain(
      'rules.R: keys must be a list',
    );
    const reset = await detect({ source: [first, second], state, resetState: true });
    expect(reset.code).toBe(0);
    expect(reset.alerts).toHaveLength(1);
    expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ format: 'cloudwarden-detect-state', version: 1 });
  });

  it('starts a rule afresh, with a note, when its definition changed', async () => {
    const state = join(dir, 'changed.json');
    await detect({ source: [first], state });
    const other = join(dir, 'r2.yaml');
    writeFileSync(other, rule('    threshold: {count: 4, window: 10m, by: [ct.user.arn]}\n'));
    const { alerts, stderr } = await detect({ source: [second], state, rules: [other] });
    expect(alerts).toEqual([]);
    expect(stderr).toContain(
      'note: rule "R": its cloudwarden: definition changed since the state was saved; its state starts afresh',
    );
  });

  it('keeps the old state, with a warning, when an alert was not delivered (the input is read again next run)', async () => {
    const state = join(dir, 'undelivered.json');
    await detect({ source: [first], state });
    const before = readFileSync(state, 'utf8');
    const server = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const refused = await detect({
        source: [second],
        state,
        webhook: `http://127.0.0.1:${port}/`,
        webhookTimeout: '1',
      });
      expect(refused.alerts).toHaveLength(1);
      expect(refused.stderr).toContain(`warning: state not saved to ${state}: some alerts were not delivered`);
      expect(readFileSync(state, 'utf8')).toBe(before);
    } finally {
      server.close();
    }
    // the next run reads the second hour again: its alert comes again, since the state never counted it
    expect((await detect({ source: [second], state })).alerts.map((a) => a.time)).toEqual([falcoTime(at(3640))]);
  });

  it('--reset-state needs --state', async () => {
    await expect(detect({ source: [first], resetState: true })).rejects.toThrow('--reset-state needs --state');
  });
});

describe('docs/rules.md "Stateful rules" examples', () => {
  const docs = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
  const example = (kind: string) => {
    const match = new RegExp(`<!-- stateful example: ${kind} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(docs);
    if (!match) throw new Error(`no ${kind} example in docs/rules.md`);
    return run(match[1] as string);
  };
  it('threshold: 100 objects deleted by one principal in 5 minutes, one alert', () => {
    expect(
      example('threshold')
        .feed(Array.from({ length: 150 }, (_, i) => deleteObject(i)))
        .map((a) => a.time),
    ).toEqual([at(99)]);
  });
  it('first_seen: a sign-in from a new address after a week of learning', () => {
    const signIn = (day: number, ip: string) =>
      cloudTrailRecord(
        'signin.amazonaws.com',
        'ConsoleLogin',
        null,
        { ConsoleLogin: 'Success' },
        { eventTime: at(day * 86400), sourceIPAddress: ip },
      );
    const alerts = example('first_seen').feed([
      signIn(0, '192.0.2.1'),
      signIn(3, '192.0.2.2'),
      signIn(8, '192.0.2.1'),
      signIn(9, '198.51.100.66'),
    ]);
    expect(alerts.map((a) => a.output_fields['ct.srcip'])).toEqual(['198.51.100.66']);
  });
  it('sequence: a key created for another user and then used', () => {
    const created = cloudTrailRecord(
      'iam.amazonaws.com',
      'CreateAccessKey',
      { userName: 'bob' },
      { accessKey: { accessKeyId: 'AKIANEWKEY0000000001', status: 'Active', userName: 'bob' } },
      { eventTime: at(0) },
    );
    const used = cloudTrailRecord('s3.amazonaws.com', 'ListBuckets', null, null, {
      eventTime: at(300),
      userIdentity: { ...bob, accessKeyId: 'AKIANEWKEY0000000001' },
    });
    const ownKey = { ...created, requestParameters: { userName: 'alice' } };
    expect(
      example('sequence')
        .feed([created, used])
        .map((a) => a.eventName),
    ).toEqual(['ListBuckets']);
    expect(example('sequence').feed([ownKey, used])).toEqual([]);
  });
});
