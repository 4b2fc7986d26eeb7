// Every built-in rule: a real-shaped record that fires it, the same call failing with AccessDenied
// (never fires a change rule), and records that must stay quiet (read-only calls, private changes).
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadRules } from '../../../src/detect/engine/index.ts';
import { failedWithAccessDenied, firedRules, fixture, fixtureRecord, stratusRecords } from '../engine/support.ts';

const packs = await loadRules({ builtin: true, files: [] });
const matcher = compileMatcher(packs);
const stratus = stratusRecords();

function stratusRecord(technique: string, eventName: string): Record<string, unknown> {
  const line = (stratus.get(technique) ?? []).find(
    (l) => (JSON.parse(l) as { eventName: string }).eventName === eventName,
  );
  if (!line) throw new Error(`no ${eventName} in ${technique}`);
  return JSON.parse(line) as Record<string, unknown>;
}

interface Case {
  rule: string;
  fires: Record<string, unknown>;
  /** records that must not fire this rule, with why */
  quiet: [Record<string, unknown>, string][];
}

const PACKS_TESTED_HERE = ['cloudtrail.yaml', 'identity.yaml', 'network.yaml', 's3.yaml', 'security-services.yaml'];

const f = fixtureRecord;

/** put-bucket-lifecycle-expire-all with another expiry, on another bucket */
function expireAllAfter(days: number, bucketName = 'acme-payroll-exports'): Record<string, unknown> {
  const record = f('put-bucket-lifecycle-expire-all');
  const params = record.requestParameters as { LifecycleConfiguration: { Rule: Record<string, unknown> } };
  const rule = { ...params.LifecycleConfiguration.Rule, Expiration: { Days: days } };
  return {
    ...record,
    requestParameters: {
      ...params,
      bucketName,
      LifecycleConfiguration: { ...params.LifecycleConfiguration, Rule: rule },
    },
  };
}
const cases: Case[] = [
  {
    rule: 'S3 Public Access Block Removed',
    fires: f('delete-bucket-public-access-block'),
    quiet: [[f('get-bucket-policy'), 'read-only call']],
  },
  { rule: 'S3 Public Access Block Removed', fires: f('delete-account-public-access-block'), quiet: [] },
  {
    rule: 'S3 Public Access Block Disabled',
    fires: f('put-bucket-public-access-block-off'),
    quiet: [[f('put-bucket-public-access-block-on'), 'all four settings on']],
  },
  { rule: 'S3 Public Access Block Disabled', fires: f('put-account-public-access-block-off'), quiet: [] },
  {
    rule: 'S3 Bucket Policy Made Public',
    fires: f('put-bucket-policy-public'),
    quiet: [
      [f('put-bucket-policy-private'), 'policy for one role of the account'],
      [
        f('put-bucket-policy-vpce-only'),
        'Principal "*" fenced to one VPC endpoint: private by analysis, not by substring',
      ],
    ],
  },
  {
    rule: 'S3 Bucket ACL Made Public',
    fires: f('put-bucket-acl-public'),
    quiet: [[f('put-bucket-acl-private'), 'owner-only ACL']],
  },
  { rule: 'S3 Bucket ACL Made Public', fires: f('put-bucket-acl-canned-public-read'), quiet: [] },
  {
    rule: 'S3 Bucket Encryption Removed',
    fires: f('delete-bucket-encryption'),
    quiet: [[f('get-bucket-policy'), 'read-only call']],
  },
  {
    rule: 'S3 Versioning Suspended',
    fires: f('put-bucket-versioning-suspended'),
    quiet: [[f('put-bucket-versioning-enabled'), 'versioning enabled']],
  },
  {
    rule: 'S3 MFA Delete Disabled',
    fires: f('put-bucket-versioning-mfa-delete-disabled'),
    quiet: [[f('put-bucket-versioning-suspended'), 'MFA delete not mentioned']],
  },
  {
    rule: 'S3 Server Access Logging Disabled',
    fires: f('put-bucket-logging-disabled'),
    quiet: [[f('put-bucket-logging-enabled'), 'logging to a target bucket']],
  },
  {
    rule: 'S3 Lifecycle Rule Expires Every Object',
    fires: expireAllAfter(30),
    quiet: [[f('put-bucket-lifecycle-tmp-prefix'), 'expiry after a week limited to tmp/, transition for the rest']],
  },
  {
    rule: 'S3 Lifecycle Rule Expires Objects Quickly',
    fires: f('put-bucket-lifecycle-expire-all'),
    quiet: [
      [f('put-bucket-lifecycle-tmp-prefix'), 'expiry after a week limited to tmp/'],
      [expireAllAfter(30), 'expiry after a month'],
    ],
  },
  {
    rule: 'S3 Lifecycle Rule Expires Trail Logs',
    fires: expireAllAfter(30, 'aws-cloudtrail-logs-111122223333-4f1c2a9e'),
    quiet: [
      [expireAllAfter(400, 'aws-cloudtrail-logs-111122223333-4f1c2a9e'), 'kept longer than CloudTrail event history'],
      [expireAllAfter(30), 'not a trail bucket'],
    ],
  },
  {
    rule: 'S3 Replication To Another Account',
    fires: f('put-bucket-replication-other-account'),
    quiet: [[f('put-bucket-replication-same-account'), 'destination in the same account']],
  },
  {
    rule: 'CloudTrail Logging Stopped',
    fires: stratusRecord('aws.defense-evasion.cloudtrail-stop', 'StopLogging'),
    quiet: [[f('create-trail'), 'a trail created']],
  },
  {
    rule: 'CloudTrail Trail Deleted',
    fires: stratusRecord('aws.defense-evasion.cloudtrail-delete', 'DeleteTrail'),
    quiet: [[f('create-trail'), 'a trail created']],
  },
  {
    rule: 'CloudTrail Trail Weakened',
    fires: f('update-trail-single-region'),
    quiet: [[f('update-trail-sns-topic'), 'only an SNS topic added']],
  },
  {
    rule: 'CloudTrail Event Selectors Reduced',
    fires: stratusRecord('aws.defense-evasion.cloudtrail-event-selectors', 'PutEventSelectors'),
    quiet: [[f('put-event-selectors-all'), 'management and S3 data events, read and write']],
  },
  {
    rule: 'GuardDuty Disabled',
    fires: f('guardduty-delete-detector'),
    quiet: [[f('guardduty-update-detector-frequency'), 'publishing frequency changed']],
  },
  { rule: 'GuardDuty Disabled', fires: f('guardduty-update-detector-disable'), quiet: [] },
  {
    rule: 'Security Hub Disabled',
    fires: f('securityhub-disable'),
    quiet: [[f('config-describe-recorders'), 'read-only call']],
  },
  {
    rule: 'AWS Config Disabled',
    fires: f('config-stop-recorder'),
    quiet: [[f('config-describe-recorders'), 'read-only call']],
  },
  {
    rule: 'Root Account Used',
    fires: f('root-list-users'),
    quiet: [
      [f('root-invoked-by-service'), 'a service acting for root'],
      [f('create-group'), 'an IAM user'],
    ],
  },
  {
    rule: 'Console Sign-in Without MFA',
    fires: stratusRecord('aws.initial-access.console-login-without-mfa', 'ConsoleLogin'),
    quiet: [
      [f('console-login-with-mfa'), 'MFA used'],
      [f('console-login-assumed-role'), 'SSO through an assumed role'],
      [f('console-login-user-failed'), 'failed sign-in'],
    ],
  },
  {
    rule: 'IAM AdministratorAccess Attached',
    fires: stratusRecord('aws.persistence.iam-create-admin-user', 'AttachUserPolicy'),
    quiet: [[f('attach-user-policy-readonly'), 'ReadOnlyAccess attached']],
  },
  { rule: 'IAM AdministratorAccess Attached', fires: f('attach-group-policy-admin'), quiet: [] },
  {
    rule: 'IAM Access Key Created For Another User',
    fires: stratusRecord('aws.persistence.iam-backdoor-user', 'CreateAccessKey'),
    quiet: [[f('create-access-key-self'), 'a user rotating their own key']],
  },
  {
    rule: 'IAM Console Password Set For User',
    fires: stratusRecord('aws.persistence.iam-create-user-login-profile', 'CreateLoginProfile'),
    quiet: [
      [stratusRecord('aws.persistence.iam-create-user-login-profile', 'DeleteLoginProfile'), 'login profile deleted'],
    ],
  },
  {
    rule: 'IAM Role Trusts Another Account',
    fires: stratusRecord('aws.persistence.iam-backdoor-role', 'UpdateAssumeRolePolicy'),
    quiet: [[f('update-assume-role-policy-same-account'), 'trust within the account']],
  },
  {
    rule: 'Security Group Opens SSH Or RDP To The World',
    fires: stratusRecord('aws.exfiltration.ec2-security-group-open-port-22-ingress', 'AuthorizeSecurityGroupIngress'),
    quiet: [
      [f('authorize-sg-ssh-office'), 'SSH from an office range'],
      [f('authorize-sg-https-world'), 'HTTPS to the world'],
    ],
  },
  { rule: 'Security Group Opens SSH Or RDP To The World', fires: f('authorize-sg-rdp-ipv6-world'), quiet: [] },
  {
    rule: 'S3 Access Denied From Another Account',
    fires: f('get-object-access-denied-external'),
    quiet: [
      [f('get-object-access-denied-internal'), 'denied to a user of the account'],
      [f('get-object-external'), 'allowed cross-account read'],
    ],
  },
];

describe('built-in packs', () => {
  it('load without warnings, every rule aws_cloudtrail, enabled and tested here', () => {
    expect(packs.warnings).toEqual([]);
    expect(packs.rules.every((r) => r.enabled && r.declaredSource === 'aws_cloudtrail')).toBe(true);
    // packs with their own test file (test/detect/packs/<pack>.test.ts, through describePack) are checked there
    const here = packs.rules.filter((r) => PACKS_TESTED_HERE.includes(r.file.replace(/^builtin:/, '')));
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(here.map((r) => r.name)));
  });

  it.each(cases.map((c, i) => [c.rule, i] as const))('%s fires on its event (case %#)', (rule, i) => {
    const c = cases[i] as Case;
    expect(firedRules(matcher, JSON.stringify(c.fires))).toContain(rule);
  });

  // rules about who acted, not about a change: a refused call by root or from outside is the point
  const activityRules = new Set(['S3 Access Denied From Another Account', 'Root Account Used']);
  const changeCases = cases.filter((c) => !activityRules.has(c.rule));
  it.each(changeCases.map((c, i) => [c.rule, i] as const))(
    '%s stays quiet when the same call failed with AccessDenied (case %#)',
    (rule, i) => {
      const c = changeCases[i] as Case;
      expect(firedRules(matcher, failedWithAccessDenied(c.fires))).not.toContain(rule);
    },
  );

  const quiet = cases.flatMap((c) => c.quiet.map(([record, why]) => [c.rule, why, record] as const));
  it.each(quiet)('%s stays quiet: %s', (rule, _why, record) => {
    expect(firedRules(matcher, JSON.stringify(record))).not.toContain(rule);
  });

  it('reports root use even when the call was refused', () => {
    expect(firedRules(matcher, failedWithAccessDenied(f('root-list-users')))).toEqual(['Root Account Used']);
  });

  it('puts the request facts in the alert: bucket, caller, account', () => {
    const outcome = matcher.matchRaw(fixture('put-bucket-policy-public'));
    expect(outcome.kind).toBe('ok');
    const alert = outcome.kind === 'ok' ? outcome.alerts[0] : undefined;
    expect(alert).toMatchObject({
      rule: 'S3 Bucket Policy Made Public',
      priority: 'CRITICAL',
      source: 'aws_cloudtrail',
      eventName: 'PutBucketPolicy',
      awsRegion: 'us-east-1',
      recipientAccountId: '111122223333',
      output_fields: { 's3.bucket': 'acme-payroll-exports', 'ct.user': 'alice', 'ct.srcip': '203.0.113.10' },
    });
    expect(alert?.output).toMatch(/^S3 bucket policy grants public access \(bucket=acme-payroll-exports user=alice /);
  });
});
