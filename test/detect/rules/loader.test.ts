import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  loadRules,
  loadRulesFromSources,
  serializeRuleSources,
  validateRules,
} from '../../../src/detect/engine/index.ts';
import { UserError } from '../../../src/errors.ts';
import { firedRules, fixture, fixtureRecord } from '../engine/support.ts';

function loadError(text: string, file = 'f.yaml'): string {
  try {
    loadRulesFromSources([{ file, text }]);
  } catch (error) {
    if (error instanceof UserError) return error.format();
    throw error;
  }
  throw new Error('loaded without error');
}

function rule(condition: string, extra = ''): string {
  return `- rule: R\n  desc: d\n  condition: ${condition}\n  output: "out %ct.name"\n  priority: WARNING\n  source: aws_cloudtrail\n${extra}`;
}

describe('load errors name file:line:col', () => {
  const cases: [string, string, string][] = [
    ['an unknown field', rule('ct.name="X" and ct.nosuch exists'), 'f.yaml:3:30: rule "R": unknown field ct.nosuch'],
    [
      'an undefined macro in a folded condition',
      '- rule: R\n  desc: d\n  condition: >\n    ct.name="X"\n    and not ct.error exists\n    and bogus_macro\n  output: o\n  priority: WARNING\n  source: aws_cloudtrail\n',
      'f.yaml:6:9: rule "R": undefined macro bogus_macro',
    ],
    [
      'a list used as a macro',
      `- list: names\n  items: [A]\n${rule('names')}`,
      'f.yaml:5:14: rule "R": undefined macro names (names is a list: use it inside "in (...)")',
    ],
    [
      'a syntax error',
      rule('ct.name="X" and (ct.src="y"'),
      'f.yaml:3:40: rule "R": syntax error in condition: expected ")" but found the end of the condition',
    ],
    [
      'a dangling operator',
      rule('ct.name='),
      'f.yaml:3:21: rule "R": syntax error in condition: expected a value after "=" but found the end of the condition',
    ],
    [
      'an unknown output field',
      '- rule: R\n  desc: d\n  condition: ct.name="X"\n  output: "bad %ct.bogus here"\n  priority: WARNING\n  source: aws_cloudtrail\n',
      'f.yaml:4:17: rule "R": unknown field ct.bogus',
    ],
    [
      'an unknown key',
      '- rule: R\n  desc: d\n  condtion: ct.name="X"\n  output: o\n  priority: WARNING\n  source: aws_cloudtrail\n',
      'f.yaml:3:3: unknown key "condtion" in rule (expected one of: rule, desc, condition, output, priority, source, tags, enabled, exceptions, append, override, warn_evttypes, skip-if-unknown-filter, capture, capture_duration, cloudwarden)',
    ],
    [
      'an unknown priority',
      rule('ct.name="X"').replace('WARNING', 'LOUD'),
      'f.yaml:5:13: unknown priority "LOUD" (expected one of EMERGENCY, ALERT, CRITICAL, ERROR, WARNING, NOTICE, INFORMATIONAL, DEBUG)',
    ],
    [
      'bad YAML',
      '- rule: R\n  desc: d\n   condition: x\n',
      'f.yaml:2:9: invalid YAML: Nested mappings are not allowed in compact mappings',
    ],
    [
      'an unknown field inside a macro',
      `- macro: m\n  condition: ct.name="X" and ct.zzz="1"\n${rule('m')}`,
      'f.yaml:2:30: rule "R": unknown field ct.zzz',
    ],
    [
      'an operator the field type does not have',
      rule('s3.bytes contains 5'),
      'f.yaml:3:23: rule "R": operator contains cannot be used on uint64 field s3.bytes',
    ],
    [
      'a non-number for a uint64 field',
      rule('s3.bytes > lots'),
      'f.yaml:3:25: rule "R": "lots" is not a number: s3.bytes is a uint64 field',
    ],
    [
      'a bad JSON pointer',
      rule('json.value[requestParameters]="x"'),
      'f.yaml:3:14: rule "R": field json.value[requestParameters]: "requestParameters" is not a JSON Pointer (it must be empty or start with "/")',
    ],
    [
      'a missing key',
      '- rule: R\n  desc: d\n  condition: ct.name="X"\n  priority: WARNING\n',
      'f.yaml:1:3: rule R has no output',
    ],
    [
      'an item of no known kind',
      '- rules: R\n',
      'f.yaml:1:3: unknown item: expected one of the keys rule, macro, list, required_engine_version, required_plugin_versions',
    ],
    [
      'append to a rule not defined before',
      '- rule: R\n  condition: and ct.name="X"\n  append: true\n',
      'f.yaml:1:3: rule R appends to or overrides a rule that is not defined before it',
    ],
    [
      'a macro that refers to itself',
      `- macro: m\n  condition: ct.name="X" or m\n${rule('m')}`,
      'f.yaml:2:29: rule "R": macro m refers to itself (m -> m)',
    ],
    [
      'override naming a key the item lacks',
      `${rule('ct.name="X"')}- rule: R\n  output: more\n  override:\n    condition: append\n    output: append\n`,
      'f.yaml:10:16: override names "condition" but the item has no "condition" key',
    ],
    [
      'a key not listed in override',
      `${rule('ct.name="X"')}- rule: R\n  output: more\n  priority: ERROR\n  override:\n    output: append\n`,
      'f.yaml:9:3: "priority" must be listed in override (append or replace) when the item overrides an existing rule',
    ],
    [
      'an error inside a double-quoted condition with escapes',
      '- rule: R\n  desc: d\n  condition: "ct.name=\\"X\\" and ct.bad exists"\n  output: o\n  priority: WARNING\n  source: aws_cloudtrail\n',
      'f.yaml:3:33: rule "R": unknown field ct.bad',
    ],
    [
      'an error in a literal block',
      '- rule: R\n  desc: d\n  condition: |\n    ct.name="X"\n      and ct.bad exists\n  output: o\n  priority: WARNING\n  source: aws_cloudtrail\n',
      'f.yaml:5:11: rule "R": unknown field ct.bad',
    ],
    [
      'an error in an appended condition',
      `${rule('ct.name="X"')}- rule: R\n  condition: and ct.bad exists\n  append: true\n`,
      'f.yaml:8:18: rule "R": unknown field ct.bad',
    ],
    [
      'priority appended',
      `${rule('ct.name="X"')}- rule: R\n  priority: ERROR\n  override:\n    priority: append\n`,
      'f.yaml:10:15: "priority" cannot be overridden with append in a rule',
    ],
  ];
  it.each(cases)('%s', (_what, text, expected) => {
    expect(loadError(text)).toBe(expected);
  });
});

describe('overrides, in Falco order', () => {
  const base = `- list: names\n  items: [CreateUser]\n- macro: ok\n  condition: not ct.error exists\n- rule: R\n  desc: d\n  condition: ct.name in (names) and ok\n  output: "first %ct.name"\n  priority: WARNING\n  source: aws_cloudtrail\n  tags: [a]\n`;
  const load = (...more: string[]) =>
    loadRulesFromSources([{ file: 'base.yaml', text: base }, ...more.map((text, i) => ({ file: `o${i}.yaml`, text }))]);
  const group = fixture('create-group');

  it('appends list items from a later file', () => {
    const m = compileMatcher(load('- list: names\n  items: [CreateGroup]\n  append: true\n'));
    expect(firedRules(m, group)).toEqual(['R']);
  });

  it('replaces list items with override', () => {
    const m = compileMatcher(load('- list: names\n  items: [DeleteGroup]\n  override:\n    items: replace\n'));
    expect(firedRules(m, group)).toEqual([]);
    expect(firedRules(m, fixture('delete-group'))).toEqual(['R']);
  });

  it('appends to a condition with a space, as Falco does', () => {
    const m = compileMatcher(
      load(
        '- list: names\n  items: [CreateGroup]\n  append: true\n- rule: R\n  condition: and ct.region="eu-west-1"\n  append: true\n',
      ),
    );
    expect(firedRules(m, group)).toEqual([]);
  });

  it('replaces condition and priority, appends output and tags with override', () => {
    const rules = load(
      '- rule: R\n  condition: ct.name="CreateGroup"\n  priority: error\n  output: "(by %ct.user)"\n  tags: [b]\n  override:\n    condition: replace\n    priority: replace\n    output: append\n    tags: append\n',
    );
    const outcome = compileMatcher(rules).matchRaw(group);
    expect(outcome.kind === 'ok' && outcome.alerts[0]).toMatchObject({
      rule: 'R',
      priority: 'ERROR',
      output: 'first CreateGroup (by alice)',
      tags: ['a', 'b'],
    });
  });

  it('resolves a macro replaced after the rule that uses it', () => {
    const m = compileMatcher(
      load(
        '- list: names\n  items: [CreateGroup]\n  append: true\n- macro: ok\n  condition: ct.error exists\n  override:\n    condition: replace\n',
      ),
    );
    expect(firedRules(m, group)).toEqual([]);
  });

  it('switches a rule off and on with the enabled shorthand', () => {
    const off = load('- rule: R\n  enabled: false\n');
    expect(off.rules[0]?.enabled).toBe(false);
    expect(compileMatcher(off).ruleCount).toBe(0);
    const on = load('- rule: R\n  enabled: false\n', '- rule: R\n  enabled: true\n');
    expect(compileMatcher(on).ruleCount).toBe(1);
  });

  it('lets a later definition with the same name replace the earlier one', () => {
    const rules = load(rule('ct.name="CreateGroup"'));
    expect(rules.rules).toHaveLength(1);
    expect(rules.rules[0]?.file).toBe('o0.yaml');
    expect(firedRules(compileMatcher(rules), group)).toEqual(['R']);
  });
});

describe('sources other than aws_cloudtrail', () => {
  it('skips syscall rules (the default source) and k8s_audit rules with a warning, not an error', () => {
    const text = `- rule: Shell\n  desc: d\n  condition: proc.name=bash\n  output: o\n  priority: WARNING\n- rule: K8s\n  desc: d\n  condition: ka.verb=create\n  output: o\n  priority: WARNING\n  source: k8s_audit\n${rule('ct.name="CreateGroup"')}`;
    const rules = loadRulesFromSources([{ file: 'mixed.yaml', text }]);
    expect(rules.rules.map((r) => r.name)).toEqual(['R']);
    expect(rules.skipped.map((s) => [s.name, s.source])).toEqual([
      ['Shell', 'syscall'],
      ['K8s', 'k8s_audit'],
    ]);
    expect(rules.warnings.map((w) => `${w.line}:${w.column}: ${w.message}`)).toEqual([
      '1:3: rule "Shell" skipped: source syscall is not aws_cloudtrail (a rule without "source" is a syscall rule, as in Falco; add "source: aws_cloudtrail")',
      '6:3: rule "K8s" skipped: source k8s_audit is not CloudTrail (unknown field ka.verb)',
    ]);
  });

  it("runs seed 001's Cloud Connector rule (source k8s_audit, jevt.value fields) on CloudTrail", () => {
    const seed = `- list: watched_bucket_events
  items: [CreateBucket, DeleteBucket]
- rule: Operation on buckets
  desc: Detect an operation on buckets.
  condition:
    not jevt.value[/errorCode] exists and
    jevt.value[/eventName] in (watched_bucket_events)
  output:
    Detected an operation on buckets
    ( bucket name=%jevt.value[/requestParameters/bucketName]
    operation=%jevt.value[/eventName],
    object key=%jevt.value[/requestParameters/key],
    requesting user=%jevt.value[/userIdentity/arn],
    requesting IP=%jevt.value[/sourceIPAddress],
    AWS region=%jevt.value[/awsRegion])
  priority: WARNING
  tags:
    - cloud
    - source=cloudtrail
    - aws
    - aws_s3
  source: k8s_audit
`;
    const rules = loadRulesFromSources([{ file: 'seed.yaml', text: seed }]);
    expect(rules.warnings[0]?.message).toContain('reads only json/jevt fields');
    const create = JSON.stringify({
      ...fixtureRecord('delete-bucket-policy'),
      eventName: 'CreateBucket',
      requestParameters: { bucketName: 'test-s3-trail', Host: 'test-s3-trail.s3.amazonaws.com' },
    });
    const outcome = compileMatcher(rules).matchRaw(create);
    expect(outcome.kind === 'ok' && outcome.alerts[0]?.output).toBe(
      'Detected an operation on buckets ( bucket name=test-s3-trail operation=CreateBucket, object key=<NA>, requesting user=arn:aws:iam::111122223333:user/alice, requesting IP=203.0.113.10, AWS region=us-east-1)',
    );
    expect(outcome.kind === 'ok' && outcome.alerts[0]?.tags).toEqual(['cloud', 'source=cloudtrail', 'aws', 'aws_s3']);
  });

  it('skips a rule with an unknown field when skip-if-unknown-filter is set', () => {
    const rules = loadRulesFromSources([
      { file: 'f.yaml', text: rule('ct.nosuch="1"', '  skip-if-unknown-filter: true\n') },
    ]);
    expect(rules.rules).toEqual([]);
    expect(rules.skipped[0]?.reason).toBe('unknown field ct.nosuch (skip-if-unknown-filter is set)');
  });
});

describe('exceptions', () => {
  const withExceptions = `- rule: R
  desc: d
  condition: ct.name in (CreateGroup, DeleteGroup)
  output: o
  priority: WARNING
  source: aws_cloudtrail
  exceptions:
    - name: known_admins
      fields: [ct.user, ct.name]
      comps: [=, in]
      values:
        - [alice, [DeleteGroup]]
    - name: lab_regions
      fields: ct.region
      values: [eu-north-1]
`;
  it('drops events that match a tuple, keeps the rest', () => {
    const m = matcher(withExceptions);
    expect(firedRules(m, fixture('create-group'))).toEqual(['R']);
    expect(firedRules(m, fixture('delete-group'))).toEqual([]);
  });

  it('appends values to an exception by name through override', () => {
    const m = matcher(
      withExceptions,
      '- rule: R\n  exceptions:\n    - name: known_admins\n      values:\n        - [alice, [CreateGroup]]\n  override:\n    exceptions: append\n',
    );
    expect(firedRules(m, fixture('create-group'))).toEqual([]);
  });

  it('rejects a tuple with the wrong number of values', () => {
    expect(loadError(withExceptions.replace('[alice, [DeleteGroup]]', '[alice]'))).toBe(
      'f.yaml:12:11: a value of exception known_admins has 1 entries but the exception has 2 fields',
    );
  });

  function matcher(...texts: string[]) {
    return compileMatcher(loadRulesFromSources(texts.map((text, i) => ({ file: `e${i}.yaml`, text }))));
  }
});

describe('priorities, lists and files', () => {
  it('reads priorities ignoring case, with INFO for INFORMATIONAL', () => {
    const text = ['emergency', 'Alert', 'info', 'notice']
      .map((p, i) => rule('ct.name="X"').replace('- rule: R', `- rule: R${i}`).replace('WARNING', p))
      .join('');
    expect(loadRulesFromSources([{ file: 'f.yaml', text }]).rules.map((r) => r.priority)).toEqual([
      'EMERGENCY',
      'ALERT',
      'INFORMATIONAL',
      'NOTICE',
    ]);
  });

  it('expands lists inside lists and numeric items', () => {
    const text = `- list: inner\n  items: [CreateGroup]\n- list: outer\n  items: [inner, DeleteGroup]\n- list: sizes\n  items: [0, 48213]\n${rule('ct.name in (outer)')}${rule('s3.bytes in (sizes)').replace('- rule: R', '- rule: S')}`;
    const m = compileMatcher(loadRulesFromSources([{ file: 'f.yaml', text }]));
    expect(firedRules(m, fixture('create-group'))).toEqual(['R']);
    expect(firedRules(m, fixture('delete-group'))).toEqual(['R']);
    expect(firedRules(m, fixture('get-object-external'))).toEqual(['S']);
  });

  it('a glob with a backwards range loads and matches nothing there (it failed to compile as a regular expression, exit 3)', () => {
    const text = `${rule('ct.name glob "[z-a]*"')}${rule('ct.name glob "[A-Z]*Group"').replace('- rule: R', '- rule: S')}`;
    const m = compileMatcher(loadRulesFromSources([{ file: 'f.yaml', text }]));
    expect(firedRules(m, fixture('create-group'))).toEqual(['S']);
  });

  it('rebuilds the same rules from serialised sources (worker threads)', async () => {
    const loaded = await loadRules({
      builtin: true,
      files: ['test/fixtures/third-party/falco/aws_cloudtrail_rules.yaml'],
    });
    const copy = loadRulesFromSources(structuredClone(serializeRuleSources(loaded)));
    expect(copy.rules.map((r) => [r.name, r.priority, r.enabled, r.file])).toEqual(
      loaded.rules.map((r) => [r.name, r.priority, r.enabled, r.file]),
    );
    const a = compileMatcher(loaded).matchRaw(fixture('put-bucket-policy-public'));
    const b = compileMatcher(copy).matchRaw(fixture('put-bucket-policy-public'));
    expect(b).toEqual(a);
  });

  it('reads every .yaml/.yml in a directory, sorted, and validates all errors at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-rules-'));
    writeFileSync(join(dir, 'b.yml'), rule('ct.nosuch="1"').replace('- rule: R', '- rule: B'));
    writeFileSync(join(dir, 'a.yaml'), `${rule('ct.name=')}- macro: m\n  condition: (ct.name="X"\n`);
    writeFileSync(join(dir, 'notes.txt'), 'not rules');
    const diagnostics = await validateRules([dir]);
    expect(
      diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line}:${d.column}: ${d.severity}: ${d.message}`),
    ).toEqual([
      'a.yaml:3:21: error: rule "R": syntax error in condition: expected a value after "=" but found the end of the condition',
      'b.yml:3:14: error: rule "B": unknown field ct.nosuch',
      'a.yaml:8:25: warning: macro m (not used by any aws_cloudtrail rule): syntax error in condition: expected ")" but found the end of the condition',
    ]);
  });

  it('loads a file of syscall macros, lists and rules in syntax of their own, with notes only', () => {
    const syscall = `- required_engine_version: 17
- list: login_binaries
  items: [login, systemd, '"(systemd)"', su]
- macro: spawned_process
  condition: (evt.type in (execve, execveat) and evt.dir=<)
- macro: lowered
  condition: tolower(proc.name) = bash
- rule: Login
  desc: d
  condition: spawned_process and proc.name in (login_binaries)
  output: login %proc.name
  priority: NOTICE
`;
    const rules = loadRulesFromSources([{ file: 'falco_rules.yaml', text: syscall }]);
    expect(rules.rules).toEqual([]);
    expect(rules.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '8: rule "Login" skipped: source syscall is not aws_cloudtrail (a rule without "source" is a syscall rule, as in Falco; add "source: aws_cloudtrail")',
      '7: macro lowered (not used by any aws_cloudtrail rule): syntax error in condition: unexpected "("; expected "and", "or" or the end of the condition',
    ]);
  });

  it('takes quoted list items as the quoted values Falco pastes them as', () => {
    const text = `- list: names\n  items: ['"CreateGroup"', "'DeleteGroup'"]\n${rule('ct.name in (names)')}`;
    const m = compileMatcher(loadRulesFromSources([{ file: 'f.yaml', text }]));
    expect(firedRules(m, fixture('create-group'))).toEqual(['R']);
    expect(firedRules(m, fixture('delete-group'))).toEqual(['R']);
  });

  it('fails on a missing rules file with its path', async () => {
    await expect(loadRules({ builtin: false, files: ['no/such.yaml'] })).rejects.toThrow(
      'rules file or directory not found',
    );
  });
});
