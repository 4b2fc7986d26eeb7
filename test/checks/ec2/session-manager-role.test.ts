import { describe, expect, it } from 'vitest';
import { actionMatches, sessionManagerGrant } from '../../../src/checks/ec2/session-manager-role.ts';
import type { AppliedPolicy, IamPrincipal } from '../../../src/services/iam/model.ts';
import type { Observed } from '../../../src/model/observed.ts';

const INSTANCE = 'arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-0123456789abcdef0';

function role(policies: AppliedPolicy[], arn = 'arn:aws-cn:iam::123456789012:role/web'): IamPrincipal {
  return {
    kind: 'iam-principal',
    principalType: 'role',
    arn,
    region: 'global',
    accountId: '123456789012',
    name: 'web',
    path: '/',
    policies,
    instanceProfileArns: [],
  };
}
const inline = (name: string, document: unknown): AppliedPolicy => ({
  name,
  attachment: { type: 'inline' },
  document: { kind: 'present', value: document },
});
const managed = (arn: string, document: Observed<unknown>): AppliedPolicy => ({
  name: arn.slice(arn.lastIndexOf('/') + 1),
  arn,
  attachment: { type: arn.includes(':iam::aws:') ? 'AWS managed' : 'customer managed' },
  document,
});
const statements = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });

describe('actionMatches', () => {
  it.each([
    ['ssm:UpdateInstanceInformation', 'ssm:UpdateInstanceInformation', true],
    ['ssm:*', 'ssm:UpdateInstanceInformation', true],
    ['*', 'ssmmessages:CreateControlChannel', true],
    ['SSMMESSAGES:create*', 'ssmmessages:CreateControlChannel', true],
    ['ssm:Update?nstanceInformation', 'ssm:UpdateInstanceInformation', true],
    ['ssm*', 'ssmmessages:CreateControlChannel', true],
    ['ssm:*', 'ssmmessages:CreateControlChannel', false],
    ['ssm:UpdateInstance', 'ssm:UpdateInstanceInformation', false],
    ['ec2messages:*', 'ssmmessages:CreateControlChannel', false],
  ])('%s matches %s: %s', (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });

  it('reads lists, and never matches what is not a string', () => {
    expect(actionMatches(['s3:GetObject', 'ssm:*'], 'ssm:UpdateInstanceInformation')).toBe(true);
    expect(actionMatches([42, { a: 1 }, null], 'ssm:UpdateInstanceInformation')).toBe(false);
    expect(actionMatches(undefined, 'ssm:UpdateInstanceInformation')).toBe(false);
  });

  it('takes only * and ? as wildcards: regular-expression characters are literal, as in IAM', () => {
    expect(actionMatches('ssm:Update.nstanceInformation', 'ssm:UpdateInstanceInformation')).toBe(false);
    expect(actionMatches('ssm:(', 'ssm:UpdateInstanceInformation')).toBe(false);
  });

  it('decides a hostile 10 KB pattern at once (a backtracking regular expression took minutes)', () => {
    const hostile = `ssm:${'*?'.repeat(5000)}z`;
    expect(actionMatches([hostile, hostile.toUpperCase()], 'ssm:UpdateInstanceInformation')).toBe(false);
    expect(actionMatches(hostile, `ssm:${'x'.repeat(5000)}Z`)).toBe(true);
  });
});

describe('sessionManagerGrant', () => {
  it("AmazonSSMManagedInstanceCore in the role's partition is enough, even unread", () => {
    const core = managed('arn:aws-cn:iam::aws:policy/AmazonSSMManagedInstanceCore', {
      kind: 'missing',
      operation: 'iam:GetPolicyVersion',
    });
    expect(sessionManagerGrant(role([core]), INSTANCE)).toEqual({
      kind: 'granted',
      via: ['AmazonSSMManagedInstanceCore'],
    });
    const otherPartition = managed('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', {
      kind: 'missing',
      operation: 'iam:GetPolicyVersion',
    });
    expect(sessionManagerGrant(role([otherPartition]), INSTANCE).kind).toBe('undecided');
  });

  it('NotAction and NotResource count as what they leave out', () => {
    const everythingButIam = inline('not-iam', statements({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }));
    expect(sessionManagerGrant(role([everythingButIam]), INSTANCE)).toEqual({
      kind: 'granted',
      via: ['inline policy not-iam'],
    });
    const notSsm = inline('not-ssm', statements({ Effect: 'Allow', NotAction: ['ssm:*'], Resource: '*' }));
    expect(sessionManagerGrant(role([notSsm]), INSTANCE)).toEqual({
      kind: 'lacking',
      missing: ['ssm:UpdateInstanceInformation'],
      deniedBy: [],
    });
    const notThisInstance = inline(
      'nr',
      statements({ Effect: 'Allow', Action: ['ssm:*', 'ssmmessages:*'], NotResource: INSTANCE }),
    );
    expect(sessionManagerGrant(role([notThisInstance]), INSTANCE)).toEqual({
      kind: 'lacking',
      missing: ['ssm:UpdateInstanceInformation'],
      deniedBy: [],
    });
  });

  it('ssmmessages has no resource type: only Resource "*" grants it', () => {
    const scoped = inline(
      'scoped',
      statements({
        Effect: 'Allow',
        Action: ['ssm:UpdateInstanceInformation', 'ssmmessages:*'],
        Resource: 'arn:aws-cn:ec2:*:*:instance/*',
      }),
    );
    expect(sessionManagerGrant(role([scoped]), INSTANCE)).toEqual({
      kind: 'lacking',
      missing: ['ssmmessages:CreateControlChannel'],
      deniedBy: [],
    });
  });

  it('a conditional Deny leaves it open; an unconditional one decides', () => {
    const allowAll = inline('all', statements({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const conditionalDeny = inline(
      'deny',
      statements({
        Sid: 'OffHours',
        Effect: 'Deny',
        Action: 'ssmmessages:*',
        Resource: '*',
        Condition: { Bool: { 'aws:ViaAWSService': 'false' } },
      }),
    );
    expect(sessionManagerGrant(role([allowAll, conditionalDeny]), INSTANCE)).toEqual({
      kind: 'undecided',
      reason: 'inline policy deny statement OffHours denies it under a condition',
    });
    const deny = inline('deny', statements({ Effect: 'Deny', Action: 'ssm:UpdateInstanceInformation', Resource: '*' }));
    expect(sessionManagerGrant(role([allowAll, deny]), INSTANCE)).toEqual({
      kind: 'lacking',
      missing: [],
      deniedBy: ['inline policy deny statement #1'],
    });
  });

  it('an unreadable policy does not matter when the readable ones grant it, and decides nothing otherwise', () => {
    const broken = managed('arn:aws-cn:iam::123456789012:policy/broken', {
      kind: 'error',
      operation: 'iam:GetPolicyVersion',
      error: { name: 'MalformedPolicyJSON', message: 'bad' },
    });
    const ssm = inline('ssm', statements({ Effect: 'Allow', Action: ['ssm:*', 'ssmmessages:*'], Resource: '*' }));
    expect(sessionManagerGrant(role([broken, ssm]), INSTANCE).kind).toBe('granted');
    expect(sessionManagerGrant(role([broken]), INSTANCE)).toEqual({
      kind: 'undecided',
      reason: 'policies could not be read (broken: MalformedPolicyJSON on iam:GetPolicyVersion: bad)',
    });
  });

  it('statements that are not objects or have an odd shape are skipped, not trusted', () => {
    const odd = inline('odd', {
      Statement: ['Allow', null, { Effect: 'Allow', Action: 'ssm:*' }, { Effect: 'allow', Action: '*', Resource: '*' }],
    });
    expect(sessionManagerGrant(role([odd]), INSTANCE)).toEqual({
      kind: 'lacking',
      missing: ['ssm:UpdateInstanceInformation', 'ssmmessages:CreateControlChannel'],
      deniedBy: [],
    });
  });
});
