import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/engine.ts';
import { CHECKS } from '../../src/checks/registry.ts';
import { normalise } from '../../src/model/normalise.ts';
import { readSnapshot } from '../../src/model/snapshot.ts';

describe('account-wide results (docs/reports.md, Resource identity)', () => {
  it('are named per service, arn:<partition>:<service>::<account>:account, type AwsAccount', async () => {
    const state = normalise(await readSnapshot(new URL('../../examples/demo-account.json', import.meta.url).pathname));
    const accountWide = runChecks(
      CHECKS.filter((c) => c.resource === 'account'),
      state,
    );
    expect(accountWide.length).toBeGreaterThan(0);
    for (const result of accountWide) {
      const service = CHECKS.find((c) => c.id === result.checkId)!.service;
      expect(result.resource, result.checkId).toEqual({
        arn: `arn:aws:${service}::123456789012:account`,
        type: 'AwsAccount',
        region: 'global',
      });
    }
    const byCheck = Object.fromEntries(accountWide.map((r) => [r.checkId, r.resource.arn]));
    // the IAM password policy (CIS 1.7 …) is no longer an S3 resource; the S3 account Public Access Block keeps its ARN
    expect(byCheck['s3-account-public-access-block']).toBe('arn:aws:s3::123456789012:account');
    expect(
      Object.entries(byCheck)
        .filter(([id]) => id.startsWith('iam-'))
        .every(([, arn]) => arn === 'arn:aws:iam::123456789012:account'),
    ).toBe(true);
  });
});
