import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../src/checks/registry.ts';
import { evaluateOn } from '../../../src/checks/engine.ts';
import policyNotPublic from '../../../src/checks/s3/s3-bucket-policy-not-public.ts';
import policyPublicWrite from '../../../src/checks/s3/s3-bucket-policy-public-write.ts';
import { normalise } from '../../../src/model/normalise.ts';
import type { BucketEntry } from '../../../src/services/s3/schema.ts';
import { validateSnapshot } from '../../../src/model/snapshot.ts';
import { awsError, denyInsecureTransportStatement, onlyBucket, policy } from '../../support/snapshot-builders.ts';

/**
 * The class "policy text that is not a policy": whatever GetBucketPolicyStatus or anything else says, no check that
 * reads GetBucketPolicy may pass (or fail) on it; it is unknown and says why.
 */
const POLICY_CHECKS = CHECKS.filter((check) => (check.needs as readonly string[]).includes('s3:GetBucketPolicy'));

const deny = denyInsecureTransportStatement('b');
const NOT_A_POLICY: [text: string, reason: string][] = [
  ['null', 'MalformedPolicy on s3:GetBucketPolicy: the bucket policy is not a JSON object (it is null)'],
  ['[]', 'MalformedPolicy on s3:GetBucketPolicy: the bucket policy is not a JSON object (it is a list)'],
  ['42', 'MalformedPolicy on s3:GetBucketPolicy: the bucket policy is not a JSON object (it is a number)'],
  ['"string"', 'MalformedPolicy on s3:GetBucketPolicy: the bucket policy is not a JSON object (it is a string)'],
  ['true', 'MalformedPolicy on s3:GetBucketPolicy: the bucket policy is not a JSON object (it is a boolean)'],
  [
    '{"Version": "2012-10-17", "Statement": [',
    'MalformedPolicyJSON on s3:GetBucketPolicy: the bucket policy is not valid JSON',
  ],
  ['{"Version": "2012-10-17"}', 'MalformedPolicy on s3:GetBucketPolicy: the bucket policy has no Statement'],
  [
    '{"Statement": "x"}',
    'MalformedPolicy on s3:GetBucketPolicy: the bucket policy has a Statement that is a string, not an object or a list of objects',
  ],
  ['{"Statement": null}', 'MalformedPolicy on s3:GetBucketPolicy: the bucket policy has a Statement that is null'],
  [
    '{"Statement": ["x"]}',
    'MalformedPolicy on s3:GetBucketPolicy: the bucket policy has a statement #1 that is a string, not an object',
  ],
  [
    JSON.stringify({ Statement: [deny, [deny]] }),
    'MalformedPolicy on s3:GetBucketPolicy: the bucket policy has a statement #2 that is a list, not an object',
  ],
];

const POLICY_STATUS: [label: string, entry: BucketEntry['GetBucketPolicyStatus']][] = [
  ['IsPublic: true', { PolicyStatus: { IsPublic: true } }],
  ['IsPublic: false', { PolicyStatus: { IsPublic: false } }],
  ['GetBucketPolicyStatus not collected', undefined],
];

describe('a bucket policy that is not a policy is unknown for every check that reads GetBucketPolicy', () => {
  it('covers the policy checks', () => {
    expect(POLICY_CHECKS.map((c) => c.id).sort()).toEqual([
      's3-bucket-deny-insecure-transport',
      's3-bucket-policy-cross-account',
      's3-bucket-policy-cross-account-write',
      's3-bucket-policy-not-public',
      's3-bucket-policy-public-write',
    ]);
  });

  for (const [text, reason] of NOT_A_POLICY) {
    for (const [label, status] of POLICY_STATUS) {
      it(`Policy ${text} with ${label}`, () => {
        // through the loader, as `scan snapshot` reads it: the text is a string, so the file is valid
        const snapshot = validateSnapshot(
          onlyBucket({ GetBucketPolicy: { Policy: text }, GetBucketPolicyStatus: status }),
        );
        const state = normalise(snapshot);
        const bucket = state.s3.buckets[0]!;
        for (const check of POLICY_CHECKS) {
          const verdict = evaluateOn(check, bucket, state);
          expect(verdict.status, `${check.id}: ${verdict.message}`).toBe('unknown');
          expect(verdict.status === 'unknown' && verdict.reason, check.id).toContain(reason);
        }
      });
    }
  }
});

describe('a policy with an unreadable statement is never a pass, whatever GetBucketPolicyStatus says', () => {
  const noPrincipal = { Sid: 'NoPrincipal', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
  const publicPut = {
    Sid: 'PublicPut',
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:PutObject',
    Resource: 'arn:aws:s3:::b/*',
  };
  const bucket = (statements: unknown[], IsPublic: boolean) => {
    const state = normalise(
      onlyBucket({ GetBucketPolicy: policy(...statements), GetBucketPolicyStatus: { PolicyStatus: { IsPublic } } }),
    );
    return { state, bucket: state.s3.buckets[0]! };
  };

  it('s3-bucket-policy-not-public: IsPublic=false does not make a statement without Principal readable', () => {
    const { state, bucket: b } = bucket([deny, noPrincipal], false);
    const verdict = evaluateOn(policyNotPublic, b, state);
    expect(verdict.status, verdict.message).toBe('unknown');
    expect(verdict.message).toContain('part of the policy could not be read (statement NoPrincipal has no Principal)');
  });

  it('s3-bucket-policy-public-write: a public write AWS calls private is not a pass when another statement is unreadable', () => {
    const { state, bucket: b } = bucket([publicPut, noPrincipal], false);
    const verdict = evaluateOn(policyPublicWrite, b, state);
    expect(verdict.status, verdict.message).toBe('unknown');
    expect(verdict.message).toContain('statement NoPrincipal has no Principal');
  });

  it('a readable public write still fails when AWS agrees, unreadable parts or not', () => {
    const { state, bucket: b } = bucket([publicPut, noPrincipal], true);
    expect(evaluateOn(policyPublicWrite, b, state).status).toBe('fail');
    expect(evaluateOn(policyNotPublic, b, state).status).toBe('fail');
  });
});

describe('policies that are policies still decide', () => {
  it('an empty Statement list and a single Statement object are read', () => {
    for (const text of [
      '{"Version": "2012-10-17", "Statement": []}',
      JSON.stringify({ Version: '2012-10-17', Statement: deny }),
    ]) {
      const state = normalise(
        onlyBucket({ GetBucketPolicy: { Policy: text }, GetBucketPolicyStatus: { PolicyStatus: { IsPublic: false } } }),
      );
      expect(evaluateOn(policyNotPublic, state.s3.buckets[0]!, state).status, text).toBe('pass');
    }
  });

  it('no bucket policy (NoSuchBucketPolicy) passes s3-bucket-policy-not-public', () => {
    const state = normalise(
      onlyBucket({
        GetBucketPolicy: awsError('NoSuchBucketPolicy'),
        GetBucketPolicyStatus: awsError('NoSuchBucketPolicy'),
      }),
    );
    expect(evaluateOn(policyNotPublic, state.s3.buckets[0]!, state).status).toBe('pass');
  });
});

describe('GetBucketPolicyStatus without IsPublic is not "AWS says private"', () => {
  const publicPut = {
    Sid: 'PublicPut',
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:PutObject',
    Resource: 'arn:aws:s3:::b/*',
  };
  for (const [label, answer] of [
    ['{}', {}],
    ['{"PolicyStatus": {}}', { PolicyStatus: {} }],
  ] as const) {
    it(`a public policy with GetBucketPolicyStatus ${label} fails on the analysis`, () => {
      const state = normalise(
        validateSnapshot(onlyBucket({ GetBucketPolicy: policy(publicPut), GetBucketPolicyStatus: answer })),
      );
      const bucket = state.s3.buckets[0]!;
      for (const check of [policyNotPublic, policyPublicWrite]) {
        const verdict = evaluateOn(check, bucket, state);
        expect(verdict.status, `${check.id}: ${verdict.message}`).toBe('fail');
      }
      expect(bucket.policyStatus).toEqual({
        kind: 'error',
        operation: 's3:GetBucketPolicyStatus',
        error: { name: 'MalformedResponse', message: 'the answer has no PolicyStatus.IsPublic' },
      });
    });
  }
});
