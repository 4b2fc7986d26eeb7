import { describe, expect, it } from 'vitest';
import { compileMatcher, formatAlertText, loadRulesFromSources } from '../../../src/detect/engine/index.ts';
import { rawStringMember } from '../../../src/detect/engine/raw-fields.ts';
import { resolveField } from '../../../src/detect/fields/table.ts';
import { fixture, fixtureRecord, matcherFromYaml } from './support.ts';

function rule(name: string, condition: string, output = 'hit %ct.name', priority = 'WARNING'): string {
  return `- rule: ${name}\n  desc: d\n  condition: ${condition}\n  output: "${output}"\n  priority: ${priority}\n  source: aws_cloudtrail\n  tags: [t1, t2]\n`;
}

describe('matchRaw', () => {
  const matcher = matcherFromYaml(rule('Pinned', 'ct.name="CreateGroup" and not ct.error exists'));

  it('skips events no rule is indexed under without parsing them', () => {
    // not valid JSON after the name: a parse would fail, so "ok" proves it was never parsed
    const skipped = matcher.matchRaw('{"eventTime":"2024-01-01T00:00:00Z","eventName":"GetObject", garbage');
    expect(skipped).toEqual({ kind: 'ok', alerts: [], evaluated: false });
  });

  it('says bad for invalid JSON it has to read, and for records without eventName or eventTime', () => {
    expect(matcher.matchRaw('{"eventTime":"2024-01-01T00:00:00Z","eventName":"CreateGroup", garbage')).toMatchObject({
      kind: 'bad',
      reason: expect.stringMatching(/^invalid JSON: /),
    });
    expect(matcher.matchRaw('{"eventTime":"2024-01-01T00:00:00Z"}')).toEqual({
      kind: 'bad',
      reason: 'record has no eventName',
    });
    expect(matcher.matchRaw('{"eventName":"GetObject"}')).toEqual({ kind: 'bad', reason: 'record has no eventTime' });
    expect(matcher.matchRaw('{"eventName":"CreateGroup"}')).toEqual({ kind: 'bad', reason: 'record has no eventTime' });
    expect(matcher.matchRaw('["eventName"]')).toMatchObject({ kind: 'bad' });
  });

  it('evaluates pinned rules and builds the alert from the record', () => {
    const outcome = matcher.matchRaw(fixture('create-group'));
    const record = fixtureRecord('create-group');
    expect(outcome).toEqual({
      kind: 'ok',
      evaluated: true,
      alerts: [
        {
          time: '2024-09-12T10:15:30Z',
          rule: 'Pinned',
          priority: 'WARNING',
          output: 'hit CreateGroup',
          tags: ['t1', 't2'],
          source: 'aws_cloudtrail',
          output_fields: { 'ct.name': 'CreateGroup' },
          eventID: record.eventID,
          eventName: 'CreateGroup',
          awsRegion: 'us-east-1',
          recipientAccountId: '111122223333',
        },
      ],
    });
    expect(matcher.ruleCount).toBe(1);
  });

  it('reports evaluated when a candidate rule ran and did not match', () => {
    expect(matcher.matchRaw(JSON.stringify({ ...fixtureRecord('create-group'), errorCode: 'AccessDenied' }))).toEqual({
      kind: 'ok',
      alerts: [],
      evaluated: true,
    });
  });

  it('finds the event name when the raw read cannot (escaped text), from the parsed record', () => {
    const escaped = fixture('create-group').replace('"eventName":"CreateGroup"', '"eventName":"Create\\u0047roup"');
    expect(rawStringMember(escaped, '"eventName"')).toBeNull();
    expect(matcher.matchRaw(escaped)).toMatchObject({ kind: 'ok', alerts: [{ rule: 'Pinned' }] });
  });

  it('reads pretty-printed records too', () => {
    expect(matcher.matchRaw(JSON.stringify(fixtureRecord('create-group'), null, 2))).toMatchObject({
      alerts: [{ rule: 'Pinned' }],
    });
  });

  it('runs unpinned and source-pinned rules with pinned ones, in load order', () => {
    const m = matcherFromYaml(
      [
        rule('Any IAM write', 'ct.src="iam.amazonaws.com" and ct.readonly="false"'),
        rule('Group', 'ct.name in (CreateGroup, DeleteGroup)'),
        rule('Everything by alice', 'ct.user="alice"'),
      ].join(''),
    );
    expect(m.matchRaw(fixture('create-group'))).toMatchObject({
      alerts: [{ rule: 'Any IAM write' }, { rule: 'Group' }, { rule: 'Everything by alice' }],
    });
    expect(m.matchRaw(fixture('get-bucket-policy'))).toMatchObject({ alerts: [{ rule: 'Everything by alice' }] });
    // no rule is indexed under GetObject and the text holds no "alice": skipped on the raw text
    expect(m.matchRaw(fixture('get-object-external'))).toEqual({ kind: 'ok', alerts: [], evaluated: false });
  });

  it('skips a record without parsing when no literal a candidate rule needs is in the raw text', () => {
    const m = matcherFromYaml(
      rule('Root', 'ct.user.identitytype="Root" and not json.value[/userIdentity/invokedBy] exists'),
    );
    expect(
      m.matchRaw(
        '{"eventTime":"2024-01-01T00:00:00Z","eventName":"ListUsers","userIdentity":{"type":"IAMUser"}, garbage',
      ),
    ).toEqual({ kind: 'ok', alerts: [], evaluated: false });
    expect(m.matchRaw(fixture('root-list-users'))).toMatchObject({ alerts: [{ rule: 'Root' }] });
    expect(m.matchRaw(fixture('root-invoked-by-service'))).toEqual({ kind: 'ok', alerts: [], evaluated: true });
    // values that JSON may escape, numbers and negations give no literal: those rules see every record
    for (const condition of [
      'ct.user.arn="arn:aws:iam::1:user/a"',
      'json.value[/x]=5',
      'not ct.user.identitytype="Root"',
      'ct.user icontains ROOT',
    ]) {
      const every = matcherFromYaml(rule('R', condition));
      expect(every.matchRaw(fixture('create-group')), condition).toMatchObject({ evaluated: true });
    }
  });

  it('extracts each field at most once per event, however many rules read it', () => {
    let reads = 0;
    const original = resolveField('ct.user', undefined);
    if (!original.ok) throw new Error('ct.user');
    const rules = loadRulesFromSources([
      {
        file: 'r.yaml',
        text: [1, 2, 3].map((i) => rule(`R${i}`, 'ct.user="alice" and ct.user!="bob"', 'by %ct.user')).join(''),
      },
    ]);
    const slot = rules.slots.keys.indexOf('ct.user');
    const read = rules.slots.readers[slot];
    if (!read) throw new Error('no slot');
    rules.slots.readers[slot] = (ev) => {
      reads += 1;
      return read(ev);
    };
    const m = compileMatcher(rules);
    expect(m.matchRaw(fixture('create-group'))).toMatchObject({
      alerts: [{ output: 'by alice' }, { output: 'by alice' }, { output: 'by alice' }],
    });
    expect(reads).toBe(1);
    m.matchRaw(fixture('delete-group'));
    expect(reads).toBe(2);
  });

  it('applies each operator with Falco semantics; a missing field matches nothing, not even !=', () => {
    const cases: [string, string, boolean][] = [
      ['ct.user!="bob"', 'create-group', true],
      ['ct.error!="AccessDenied"', 'create-group', false],
      ['ct.user contains lic', 'create-group', true],
      ['ct.user icontains LIC', 'create-group', true],
      ['ct.user startswith al', 'create-group', true],
      ['ct.user endswith ce', 'create-group', true],
      ['ct.user.arn glob "arn:aws:iam::*:user/*"', 'create-group', true],
      ['ct.user < b', 'create-group', true],
      ['s3.bytes > 48212', 'get-object-external', true],
      ['s3.bytes <= 48212', 'get-object-external', false],
      ['s3.bytes in (1, 48213)', 'get-object-external', true],
      ['s3.key pmatch (2024/09)', 'get-object-external', true],
      ['s3.key pmatch (2024/0)', 'get-object-external', false],
      ['ct.name intersects (CreateGroup)', 'create-group', true],
      ['cw.policy.public=true', 'put-bucket-policy-public', true],
      ['cw.policy.public!=true', 'delete-bucket-policy', false],
      ['json.value[/readOnly]=false', 'create-group', true],
    ];
    for (const [condition, name, expected] of cases) {
      const m = matcherFromYaml(rule('R', condition));
      expect(m.matchRaw(fixture(name)), condition).toMatchObject({
        kind: 'ok',
        alerts: expected ? [{ rule: 'R' }] : [],
      });
    }
  });
});

describe('formatAlertText', () => {
  it("prints Falco's stdout line: time, capitalised priority, output", () => {
    const m = matcherFromYaml(rule('R', 'ct.name=CreateGroup', 'group %ct.request.groupname created', 'informational'));
    const outcome = m.matchRaw(fixture('create-group'));
    const alert = outcome.kind === 'ok' ? outcome.alerts[0] : undefined;
    if (!alert) throw new Error('no alert');
    expect(formatAlertText(alert)).toBe('2024-09-12T10:15:30Z: Informational group break-glass created');
  });
});
