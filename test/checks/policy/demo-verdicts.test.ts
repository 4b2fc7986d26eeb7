import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/checks/engine.ts';
import { CHECKS } from '../../../src/checks/registry.ts';
import { normalise } from '../../../src/model/normalise.ts';
import { readSnapshot } from '../../../src/model/snapshot.ts';

/** The demo account's access-control story, as `cloudwarden demo` tells it. */
const EXPECTED: Record<string, Record<string, 'pass' | 'fail'>> = {
  'arn:aws:s3:::demo-public-by-acl': {
    's3-bucket-acl-not-public': 'fail',
    's3-bucket-public-access-block': 'fail',
    's3-bucket-policy-not-public': 'pass',
  },
  'arn:aws:s3:::demo-public-by-policy': {
    's3-bucket-policy-not-public': 'fail',
    's3-bucket-acl-not-public': 'pass',
    's3-bucket-public-access-block': 'fail',
    's3-bucket-policy-public-write': 'pass',
    's3-bucket-deny-insecure-transport': 'fail',
  },
  'arn:aws:s3:::demo-web-images': {
    's3-bucket-policy-not-public': 'pass',
    's3-bucket-policy-cross-account': 'pass',
    's3-bucket-deny-insecure-transport': 'fail',
  },
  'arn:aws:s3:::demo-hardened-archive': {
    's3-bucket-policy-not-public': 'pass',
    's3-bucket-acl-not-public': 'pass',
    's3-bucket-public-access-block': 'pass',
    's3-bucket-deny-insecure-transport': 'pass',
  },
  'arn:aws:s3::123456789012:account': { 's3-account-public-access-block': 'fail' },
};

describe('demo account verdicts of the access-control checks', async () => {
  const state = normalise(await readSnapshot(new URL('../../../examples/demo-account.json', import.meta.url).pathname));
  const results = runChecks(CHECKS, state);
  for (const [arn, checks] of Object.entries(EXPECTED)) {
    for (const [checkId, status] of Object.entries(checks)) {
      it(`${arn} ${checkId}: ${status}`, () => {
        const result = results.find((r) => r.resource.arn === arn && r.checkId === checkId);
        expect(result?.status, result?.message).toBe(status);
      });
    }
  }
  it('names why demo-web-images is not public: the CloudFront service principal', () => {
    const result = results.find(
      (r) => r.resource.arn === 'arn:aws:s3:::demo-web-images' && r.checkId === 's3-bucket-policy-not-public',
    );
    expect(result?.message).toContain('service principal cloudfront.amazonaws.com');
  });
});
