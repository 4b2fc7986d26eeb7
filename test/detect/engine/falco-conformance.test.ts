// Falco's own CloudTrail rules, loaded unchanged, over the 310 Stratus Red Team records and
// hand-made records for the rules no Stratus technique triggers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadRules, loadRulesFromSources } from '../../../src/detect/engine/index.ts';
import { FALCO_RULES, firedRules, fixture, stratusRecords } from './support.ts';

const falco = await loadRules({ builtin: false, files: [FALCO_RULES] });
const matcher = compileMatcher(falco);

describe("Falco's aws_cloudtrail_rules.yaml", () => {
  it('loads unchanged: 22 rules, two disabled, only the plugin-versions note', () => {
    expect(falco.rules).toHaveLength(22);
    expect(falco.rules.filter((r) => !r.enabled).map((r) => r.name)).toEqual(['All Cloudtrail Events', 'List Buckets']);
    expect(falco.skipped).toEqual([]);
    expect(falco.warnings.map((w) => w.message)).toEqual([
      'required_plugin_versions is accepted and ignored: cloudwarden reads CloudTrail without plugins',
    ]);
    expect(falco.rules.find((r) => r.name === 'Create AWS user')?.priority).toBe('INFORMATIONAL');
  });

  it('fires exactly these rules on the Stratus techniques, and nothing on the other 300 records', () => {
    const fired: Record<string, string[]> = {};
    let records = 0;
    for (const [technique, lines] of stratusRecords()) {
      for (const line of lines) {
        records += 1;
        const outcome = matcher.matchRaw(line);
        expect(outcome.kind, technique).toBe('ok');
        for (const rule of firedRules(matcher, line)) (fired[technique] ??= []).push(rule);
      }
    }
    expect(records).toBe(310);
    expect(fired).toEqual({
      'aws.defense-evasion.cloudtrail-stop': ['CloudTrail Logging Disabled'],
      'aws.initial-access.console-login-without-mfa': ['Console Login Without MFA'],
      'aws.persistence.iam-create-admin-user': ['Create AWS user'],
      'aws.persistence.lambda-layer-extension': ['Update Lambda Function Configuration'],
      'aws.persistence.lambda-overwrite-code': ['Update Lambda Function Code'],
    });
  });

  it('renders outputs as Falco does, with <NA> for missing values', () => {
    const stop = [...(stratusRecords().get('aws.defense-evasion.cloudtrail-stop') ?? [])][0] as string;
    const outcome = matcher.matchRaw(stop);
    expect(outcome.kind === 'ok' && outcome.alerts[0]?.output).toBe(
      'The CloudTrail logging has been disabled. (requesting user=christophe, requesting IP=86.245.153.234, AWS region=apiso-centralnorth-2r, resource name=stratus-red-team-ct-stop-trail-buykxbqejv)',
    );
    const created = firedRules(matcher, fixture('run-instances'));
    expect(created).toEqual(['Run Instances', 'Run Instances in Non-approved Region']);
    const alert = matcher.matchRaw(fixture('run-instances'));
    expect(alert.kind === 'ok' && alert.alerts[1]?.output).toContain(
      'availability zone=<NA>, subnet id=<NA>, reservation id=r-0123456789abcdef0, image id=i-0123456789abcdef0)',
    );
  });

  // rule -> hand-made record (test/fixtures/cloudtrail/rules) that matches its intent
  const handMade: [string, string, string[]][] = [
    [
      'console-login-assumed-role',
      'an SSO user signing in through an assumed role',
      ['Console Login Through Assume Role'],
    ],
    [
      'console-login-root-without-mfa',
      'root signing in with a password only',
      ['Console Login Without MFA', 'Console Root Login Without MFA'],
    ],
    ['deactivate-mfa-root', 'root removing its MFA device', ['Deactivate MFA for Root User']],
    ['create-group', 'a new IAM group', ['Create Group']],
    ['delete-group', 'an IAM group deleted', ['Delete Group']],
    ['ecs-create-service', 'a Fargate service created', ['ECS Service Created']],
    ['ecs-run-task', 'a Fargate task run', ['ECS Task Run or Started']],
    ['lambda-create-function', 'a Lambda function created', ['Create Lambda Function']],
    [
      'run-instances',
      'instances launched outside the approved region',
      ['Run Instances', 'Run Instances in Non-approved Region'],
    ],
    ['run-instances-approved-region', 'instances launched in the approved region', ['Run Instances']],
    ['delete-bucket-encryption', 'default encryption deleted', ['Delete Bucket Encryption']],
    ['put-bucket-public-access-block-off', 'Block Public Access switched off', ['Delete Bucket Public Access Block']],
    ['put-bucket-acl-private', 'a bucket ACL set', ['Put Bucket ACL']],
    ['put-bucket-policy-private', 'a bucket policy applied', ['Put Bucket Policy']],
    ['create-trail', 'a new trail', ['CloudTrail Trail Created']],
  ];
  it.each(handMade)('fires on %s (%s)', (name, _intent, expected) => {
    expect(firedRules(matcher, fixture(name))).toEqual(expected);
  });

  const quiet: [string, string][] = [
    ['console-login-root-with-mfa', 'root signing in with MFA'],
    ['console-login-user-failed', 'a failed sign-in'],
    ['put-bucket-public-access-block-on', 'Block Public Access switched on'],
    ['list-buckets', 'ListBuckets (the rule is disabled)'],
    ['get-bucket-policy', 'a read-only S3 call'],
  ];
  it.each(quiet)('stays quiet on %s (%s)', (name) => {
    expect(firedRules(matcher, fixture(name))).toEqual([]);
  });

  it('runs the disabled rules once a later file enables them, as Falco does', () => {
    const text = readFileSync(FALCO_RULES, 'utf8');
    const enable = '- rule: List Buckets\n  enabled: true\n- rule: All Cloudtrail Events\n  enabled: true\n';
    const m = compileMatcher(
      loadRulesFromSources([
        { file: FALCO_RULES, text },
        { file: 'local.yaml', text: enable },
      ]),
    );
    expect(firedRules(m, fixture('list-buckets'))).toEqual(['All Cloudtrail Events', 'List Buckets']);
    const alert = m.matchRaw(fixture('create-group'));
    expect(alert.kind === 'ok' && alert.alerts[0]?.output).toMatch(
      /^Some Cloudtrail Event \(evtnum=\d+ info=alice via 203\.0\.113\.10 → CreateGroup ts=2024-09-12T10:15:30\.000000000Z id=[0-9a-f-]+ error=<NA>\)$/,
    );
  });
});
