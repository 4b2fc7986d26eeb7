import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/checks/engine.ts';
import { CHECKS } from '../../../src/checks/registry.ts';
import { normalise } from '../../../src/model/normalise.ts';
import { readSnapshot } from '../../../src/model/snapshot.ts';

/**
 * The demo account's monitoring story: one result per account, so each check shows one outcome; together they
 * show every link of the chain passing and breaking (narrower filter, no alarm, actions off, unconfirmed topic).
 */
const EXPECTED: Record<string, ['pass' | 'fail', string]> = {
  'monitoring-unauthorized-api-calls': ['pass', '(1 confirmed subscription(s))'],
  'monitoring-console-signin-without-mfa': ['pass', 'alarm demo-ConsoleSigninWithoutMFA'],
  'monitoring-root-usage': ['pass', 'alarm demo-RootAccountUsage'],
  'monitoring-iam-policy-changes': ['pass', 'alarm demo-IAMPolicyChanges'],
  'monitoring-cloudtrail-changes': ['pass', 'alarm demo-CloudTrailChanges'],
  'monitoring-console-auth-failures': ['fail', 'misses failed ConsoleLogin by the root user'],
  'monitoring-cmk-disable-or-deletion': ['fail', 'has no alarm'],
  'monitoring-s3-bucket-policy-changes': ['fail', 'which has no confirmed subscription'],
  'monitoring-config-changes': ['fail', 'has its actions disabled'],
  'monitoring-security-group-changes': ['pass', 'alarm demo-SecurityGroupChanges'],
  'monitoring-nacl-changes': ['pass', 'alarm demo-NACLChanges'],
  'monitoring-network-gateway-changes': ['fail', 'misses CreateCustomerGateway, DeleteCustomerGateway'],
  'monitoring-route-table-changes': ['fail', 'which has no confirmed subscription'],
  'monitoring-vpc-changes': ['fail', 'misses AttachClassicLinkVpc'],
  'monitoring-organizations-changes': ['pass', 'alarm demo-OrganizationsChanges'],
};

describe('demo account verdicts of the CIS monitoring checks', async () => {
  const state = normalise(await readSnapshot(new URL('../../../examples/demo-account.json', import.meta.url).pathname));
  const results = runChecks(
    CHECKS.filter((c) => c.id.startsWith('monitoring-')),
    state,
  );
  it('covers every monitoring check, one result each', () => {
    expect(results.map((r) => r.checkId).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [checkId, [status, message]] of Object.entries(EXPECTED)) {
    it(`${checkId}: ${status}`, () => {
      const result = results.find((r) => r.checkId === checkId);
      expect(result?.status, result?.message).toBe(status);
      expect(result?.message).toContain(message);
    });
  }
});
