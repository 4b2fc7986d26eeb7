import { describe, expect, it } from 'vitest';
import type { Check } from '../../../src/checks/define-check.ts';
import { evaluateOn } from '../../../src/checks/engine.ts';
import { analyseBucketPolicy, analyseDenyInsecureTransport } from '../../../src/checks/policy/index.ts';
import { CHECKS } from '../../../src/checks/registry.ts';
import denyInsecureTransport from '../../../src/checks/s3/s3-bucket-deny-insecure-transport.ts';
import policyNotPublic from '../../../src/checks/s3/s3-bucket-policy-not-public.ts';
import { normalise } from '../../../src/model/normalise.ts';
import { readSnapshot } from '../../../src/model/snapshot.ts';
import { hardenedBucket, policy, snapshotWith } from '../../support/snapshot-builders.ts';

/**
 * Seed 002 (Sysdig CSPM blog, /work/shared/seeds/002_*.txt): an image bucket served through
 * CloudFront OAC. The article's `data "aws_iam_policy_document" "static"` has statement
 * `sid = "Allow CloudFront"` (Service cloudfront.amazonaws.com, s3:GetObject on BUCKET/*,
 * StringEquals aws:SourceArn = the distribution ARN), then adds `sid = "SSLRequestsOnly"`
 * (Deny, principals type "*", s3:* on BUCKET and BUCKET/*, Bool aws:SecureTransport = false).
 * Below is the JSON Terraform renders from it (one action becomes a string, `type = "*"`
 * becomes `"Principal": "*"`), for project "example", env "dev".
 */
const BUCKET = 'example-dev-images';
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
const allowCloudFront = {
  Sid: 'Allow CloudFront',
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: `${BUCKET_ARN}/*`,
  Principal: { Service: 'cloudfront.amazonaws.com' },
  Condition: { StringEquals: { 'aws:SourceArn': 'arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL' } },
};
const sslRequestsOnly = {
  Sid: 'SSLRequestsOnly',
  Effect: 'Deny',
  Action: 's3:*',
  Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`],
  Principal: '*',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

function verdict(check: Check, ...statements: object[]) {
  const state = normalise(
    snapshotWith({ [BUCKET]: hardenedBucket(BUCKET, { GetBucketPolicy: policy(...statements) }) }),
  );
  const bucket = state.s3.buckets[0];
  if (!bucket) throw new Error('no bucket');
  return evaluateOn(check, bucket, state);
}

describe('seed 002: CloudFront OAC image bucket (CIS 2.1.1)', () => {
  it('the OAC policy is not public', () => {
    const analysis = analyseBucketPolicy(policy(allowCloudFront).Policy, { accountId: '123456789012' });
    expect(analysis.public).toBe(false);
    expect(analysis.reasons).toEqual([
      'statement Allow CloudFront grants service principal cloudfront.amazonaws.com only',
    ]);
    expect(analysis.crossAccount.grants).toEqual([]);
    expect(verdict(policyNotPublic, allowCloudFront).status).toBe('pass');
  });

  it('fails deny-insecure-transport before SSLRequestsOnly is added', () => {
    expect(analyseDenyInsecureTransport(policy(allowCloudFront).Policy, BUCKET_ARN).enforced).toBe(false);
    expect(verdict(denyInsecureTransport, allowCloudFront)).toEqual({
      status: 'fail',
      message:
        'the bucket policy has no Deny statement for aws:SecureTransport = false, so requests over plain HTTP are accepted',
    });
  });

  it('passes once SSLRequestsOnly is added, and the policy stays non-public', () => {
    expect(verdict(denyInsecureTransport, allowCloudFront, sslRequestsOnly)).toEqual({
      status: 'pass',
      message: 'statement SSLRequestsOnly denies every request made without TLS',
    });
    expect(verdict(policyNotPublic, allowCloudFront, sslRequestsOnly).status).toBe('pass');
  });
});

describe("seed 000: trivy's verdicts on the athena query results bucket", () => {
  it('the access-control checks with trivy ids pass where trivy reported no failure', async () => {
    const snapshot = await readSnapshot(new URL('../../../examples/demo-account.json', import.meta.url).pathname);
    const state = normalise(snapshot);
    const athena = state.s3.buckets.find((b) => b.name.startsWith('aws-athena-query-results-'));
    if (!athena) throw new Error('the demo account has no athena bucket');
    // trivy v0.38 on this bucket: only AVD-AWS-0089, -0090 and -0132 failed
    const trivyIds = ['AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0092', 'AVD-AWS-0093', 'AVD-AWS-0094'];
    const checks = CHECKS.filter((c) => c.aliases.some((a) => trivyIds.includes(a)));
    expect(checks.map((c) => c.id).sort()).toEqual(['s3-bucket-acl-not-public', 's3-bucket-public-access-block']);
    for (const check of checks) expect(evaluateOn(check, athena, state).status, check.id).toBe('pass');
  });
});
