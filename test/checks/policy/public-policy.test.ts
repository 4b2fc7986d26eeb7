import { describe, expect, it } from 'vitest';
import { analyseBucketPolicy, isNarrowCidr, isPolicyPublic } from '../../../src/checks/policy/index.ts';
import { AWS_DOC_EXAMPLES } from './aws-doc-examples.ts';

describe('public-policy analysis on AWS documentation examples', () => {
  it('covers at least 30 documented policies', () => expect(AWS_DOC_EXAMPLES.length).toBeGreaterThanOrEqual(30));

  for (const example of AWS_DOC_EXAMPLES) {
    it(`${example.public ? 'public' : 'not public'}: ${example.name} (${example.source}): ${example.why}`, () => {
      const analysis = analyseBucketPolicy(example.policy);
      expect(analysis.problems).toEqual([]);
      expect(analysis.public, analysis.reasons.join('\n')).toBe(example.public);
      expect(isPolicyPublic(example.policy)).toBe(example.public);
      // the policy text, as GetBucketPolicy returns it, gives the same verdict
      expect(isPolicyPublic(JSON.stringify(example.policy))).toBe(example.public);
      expect(analysis.reasons.length).toBeGreaterThan(0);
      if (example.public) expect(analysis.publicStatements.length).toBeGreaterThan(0);
      else expect(analysis.publicStatements).toEqual([]);
      if (example.publicStatements) expect(analysis.publicStatements).toEqual(example.publicStatements);
    });
  }
});

describe('reasons name the statement, the principal and what restricts it', () => {
  it('explains a public statement', () => {
    const analysis = analyseBucketPolicy({
      Statement: [
        {
          Sid: 'Web',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/*',
          Condition: { StringLike: { 'aws:SourceVpc': 'vpc-*' } },
        },
      ],
    });
    expect(analysis.reasons).toEqual([
      'statement Web allows Principal {"AWS": "*"} s3:GetObject with no condition that fixes who can use it (StringLike aws:SourceVpc = vpc-*)',
    ]);
  });
  it('explains a restricted statement', () => {
    const analysis = analyseBucketPolicy({
      Statement: [
        {
          Sid: 'Org',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-aa111bb222' } },
        },
      ],
    });
    expect(analysis.reasons).toEqual([
      'statement Org grants Principal "*" but only with StringEquals aws:PrincipalOrgID = o-aa111bb222',
    ]);
  });
  it('lists public write statements separately from public read ones', () => {
    const analysis = analyseBucketPolicy({
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Principal: '*', Action: 's3:Get*', Resource: '*' },
        { Sid: 'Write', Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: '*' },
      ],
    });
    expect(analysis.publicStatements).toEqual(['Read', 'Write']);
    expect(analysis.publicWriteStatements).toEqual(['Write']);
  });
});

describe('aws:SourceIp widths (AWS: broader than /8 IPv4 or /32 IPv6 is public, RFC 1918 excepted)', () => {
  const cases: Array<[string, boolean]> = [
    ['0.0.0.0/0', false],
    ['::/0', false],
    ['0.0.0.0/1', false],
    ['11.0.0.0/7', false],
    ['10.0.0.0/8', true],
    ['52.0.0.0/8', true],
    ['192.0.2.0/24', true],
    ['192.0.2.10', true],
    ['172.16.0.0/12', true],
    ['2001:db8::/32', true],
    ['2001:db8::/31', false],
    ['2001:db8::1', true],
    ['::ffff:0:0/96', false],
    ['not-an-ip', false],
    ['300.0.0.0/8', false],
  ];
  for (const [cidr, narrow] of cases) {
    it(`${cidr} ${narrow ? 'restricts' : 'does not restrict'}`, () => expect(isNarrowCidr(cidr)).toBe(narrow));
  }
});

describe('untrusted input never throws and never passes silently', () => {
  const broken: Array<[string, unknown, string]> = [
    ['null', null, 'the policy is not a JSON object'],
    ['a number', 42, 'the policy is not a JSON object'],
    ['truncated text', '{"Statement": [', 'the policy is not valid JSON'],
    ['no Statement', { Version: '2012-10-17' }, 'the policy has no Statement'],
    ['a statement that is a string', { Statement: ['Allow everything'] }, 'statement #1 is not an object'],
    [
      'an Effect in lower case',
      { Statement: [{ Effect: 'allow', Principal: '*', Action: '*', Resource: '*' }] },
      'statement #1 has no valid Effect',
    ],
    [
      'a Condition that is a list',
      { Statement: [{ Sid: 'C', Effect: 'Allow', Principal: '*', Action: '*', Condition: [] }] },
      'statement C has an unreadable Condition',
    ],
    [
      'a statement without Principal',
      { Statement: [{ Sid: 'P', Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
      'statement P has no Principal',
    ],
    [
      'an Action object',
      { Statement: [{ Sid: 'A', Effect: 'Allow', Principal: '*', Action: { s3: 'Get' } }] },
      'statement A has an unreadable Action',
    ],
  ];
  for (const [name, policy, problem] of broken) {
    it(name, () => {
      const analysis = analyseBucketPolicy(policy);
      expect(analysis.problems.join('\n')).toContain(problem);
    });
  }
});

describe('action wildcards expand through IAM’s action list', () => {
  const grant = (action: unknown) =>
    analyseBucketPolicy({ Statement: [{ Effect: 'Allow', Principal: '*', Action: action, Resource: '*' }] });
  it('s3:Put* covers writes, s3:Get* none', () => {
    expect(grant('s3:Put*').publicWriteStatements).toEqual(['#1']);
    expect(grant('s3:Get*').publicWriteStatements).toEqual([]);
  });
  it('action names and wildcards are case-insensitive', () => {
    expect(grant('S3:putobject').publicWriteStatements).toEqual(['#1']);
    expect(grant('s3:Delete?bject').publicWriteStatements).toEqual(['#1']);
  });
  it('* and s3:* reach every S3 action', () => {
    expect(grant('*').statements[0]?.actions).toEqual(grant('s3:*').statements[0]?.actions);
    expect(grant('*').statements[0]?.actions.length).toBeGreaterThan(150);
  });
  it('an action of another service reaches no S3 action', () => {
    expect(grant('sqs:SendMessage').statements[0]?.actions).toEqual([]);
  });
});

describe('Deny statements that fence a public grant', () => {
  const allowRead = {
    Sid: 'Read',
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::b/*',
  };
  const fence = (extra: object) => ({
    Sid: 'Fence',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
    Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
    ...extra,
  });
  const verdict = (deny: object) => analyseBucketPolicy({ Statement: [allowRead, deny] });

  it('a Deny for everyone outside one VPC endpoint keeps the grant private, and says so', () => {
    expect(verdict(fence({})).public).toBe(false);
    expect(verdict(fence({})).reasons).toEqual([
      'statement Read grants Principal "*", but Deny statement Fence refuses every request without StringNotEquals aws:SourceVpce = vpce-1a2b3c4d',
    ]);
  });
  it('NotIpAddress with a narrow range fences too', () => {
    expect(verdict(fence({ Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } })).public).toBe(false);
  });
  it('a Deny that also requires plain HTTP does not cover every request', () => {
    const deny = fence({
      Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, Bool: { 'aws:SecureTransport': 'false' } },
    });
    expect(verdict(deny).public).toBe(true);
  });
  it('a Deny for a federated provider only does not cover everyone', () => {
    expect(verdict(fence({ Principal: { Federated: 'graph.facebook.com' } })).public).toBe(true);
  });
  it('a Deny that covers other actions only does not fence', () => {
    expect(verdict(fence({ Action: 's3:PutObject' })).public).toBe(true);
  });
  it('a Deny with a wildcard endpoint does not fence', () => {
    expect(verdict(fence({ Condition: { StringNotLike: { 'aws:SourceVpce': 'vpce-*' } } })).public).toBe(true);
  });
});

describe('cross-account grants', () => {
  const owner = '123456789012';
  const cross = (statement: object) =>
    analyseBucketPolicy(
      { Statement: [{ Sid: 'S', Effect: 'Allow', Resource: '*', ...statement }] },
      { accountId: owner },
    ).crossAccount;

  it('names other accounts from account ids and IAM/STS ARNs, never the owner', () => {
    const result = cross({
      Principal: { AWS: ['111122223333', 'arn:aws:sts::444455556666:assumed-role/r/s', `arn:aws:iam::${owner}:root`] },
      Action: 's3:GetObject',
    });
    expect(result.accounts).toEqual(['111122223333', '444455556666']);
    expect(result.grants[0]?.blockedActions).toEqual([]);
  });
  it('Principal * narrowed by aws:PrincipalAccount reaches only those accounts', () => {
    const result = cross({
      Principal: '*',
      Action: 's3:*',
      Condition: { StringEquals: { 'aws:PrincipalAccount': [owner] } },
    });
    expect(result.grants).toEqual([]);
  });
  it('Principal * narrowed by aws:PrincipalArn names the ARNs’ accounts', () => {
    const result = cross({
      Principal: '*',
      Action: 's3:PutObject',
      Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/uploader' } },
    });
    expect(result.accounts).toEqual(['111122223333']);
    expect(result.grants[0]?.objectWriteActions).toEqual(['s3:PutObject']);
  });
  it('Deny statements grant nothing', () => {
    expect(cross({ Effect: 'Deny', Principal: { AWS: '111122223333' }, Action: 's3:*' }).grants).toEqual([]);
  });
});
