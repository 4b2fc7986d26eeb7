/**
 * The deployment code in deploy/ is scanned by cloudwarden's own checks (`scan iac`) and must stay clean: no
 * failure; every accepted finding carries its reason inline (`# cloudwarden:accept`), listed in docs/deploy.md.
 */
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

interface IacResult {
  checkId: string;
  status: string;
  resource: { arn: string };
}

async function scan(args: string[]): Promise<IacResult[]> {
  const run = await runCliInProcess(['scan', 'iac', ...args, '-f', 'json', '--exit-code', '1']);
  expect(run.stderr).not.toContain('error');
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { results: IacResult[] }).results;
}

describe('deploy/ scanned by scan iac', () => {
  it.each([
    ['the Terraform module with its example root', ['deploy/terraform']],
    ['the CloudFormation template (S3 notifications)', ['deploy/cloudformation']],
    ['the CloudFormation template (EventBridge)', ['deploy/cloudformation', '--var', 'Delivery=eventbridge']],
  ])('%s: no failure, the trail and both buckets checked', async (_name, args) => {
    const results = await scan(args);
    expect(results.filter((r) => r.status === 'fail')).toEqual([]);
    const passed = new Set(results.filter((r) => r.status === 'pass').map((r) => r.checkId));
    for (const id of [
      's3-bucket-encrypted-with-cmk',
      's3-bucket-deny-insecure-transport',
      'cloudtrail-log-file-validation',
      'cloudtrail-kms-encryption',
    ])
      expect(passed).toContain(id);
    // the accepted ones are the documented ones only
    const accepted = [...new Set(results.filter((r) => r.status === 'accepted').map((r) => r.checkId))].sort();
    expect(accepted).toEqual([
      'cloudtrail-cloudwatch-logs',
      's3-bucket-cross-region-replication',
      's3-bucket-encrypted-with-cmk',
      's3-bucket-event-notifications',
      's3-bucket-logging-enabled',
      's3-bucket-mfa-delete-enabled',
      's3-bucket-object-lock',
    ]);
  });
});
