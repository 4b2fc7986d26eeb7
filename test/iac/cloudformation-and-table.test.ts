import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { sarifLocationOf } from './sarif-of.ts';
import { TABLE } from './table.ts';

interface JsonResult {
  checkId: string;
  status: string;
  reason?: string;
  resource: { arn: string; address?: string };
  location?: { file: string; startLine: number; endLine: number };
}

async function scan(...args: string[]) {
  const run = await runCliInProcess(['scan', 'iac', ...args, '-f', 'json', '-q']);
  const results = (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
  // with several templates in a run an address names its file: `dir/pass.yaml#PassBucket`
  const find = (check: string, address: string) =>
    results.find(
      (r) => r.checkId === check && (r.resource.address === address || r.resource.address?.endsWith(`#${address}`)),
    );
  return { run, results, find };
}

describe('scan iac on CloudFormation', () => {
  it('evaluates short forms, Conditions, Mappings and GetAtt, and joins the bucket policy', async () => {
    const { run, find } = await scan('examples/cloudformation');
    expect(run.code).toBe(0);
    // !If [IsProd, …] with Env's default dev: Suspended, on the property's line
    expect(find('s3-bucket-versioning-enabled', 'Images')).toMatchObject({
      status: 'fail',
      resource: { arn: 'arn:aws:s3:::cloudwarden-example-dev-cfn-images' },
      location: { file: 'examples/cloudformation/storage.yaml', startLine: 24 },
    });
    // the BucketPolicy joined through !Ref Images: Principal "*" is public, at the PolicyDocument
    expect(find('s3-bucket-policy-not-public', 'Images')).toMatchObject({
      status: 'fail',
      location: { startLine: 30 },
    });
    // !GetAtt LogsKey.Arn gives a customer managed key; !FindInMap gives the lifecycle rule's days
    expect(find('s3-bucket-encrypted-with-cmk', 'Logs')?.status).toBe('pass');
    expect(find('ec2-sg-no-public-admin-ports', 'AdminAccess')).toMatchObject({ status: 'fail' });
    expect(find('kms-key-rotation-enabled', 'LogsKey')?.status).toBe('pass');
  });

  it('reads the long forms in JSON and says unknown, naming the parameter, for a value without default', async () => {
    const { find } = await scan('test/fixtures/iac/cfn/long-forms.json');
    expect(find('s3-bucket-versioning-enabled', 'Known')).toMatchObject({
      status: 'pass',
      resource: { arn: 'arn:aws:s3:::long-us-east-1' },
    });
    const unresolved = find('s3-bucket-versioning-enabled', 'Unresolved');
    expect(unresolved?.status).toBe('unknown');
    expect(unresolved?.reason).toMatch(
      /parameter Suffix has no default \(test\/fixtures\/iac\/cfn\/long-forms\.json:4\)/,
    );
    expect(find('kms-key-rotation-enabled', 'Rotated')?.status).toBe('pass');
  });

  it('makes only the check that reads an unset RDS property unknown', async () => {
    const { find } = await scan('test/fixtures/iac/rds/db.yaml');
    const open = find('rds-instance-not-public', 'Bad');
    expect(open?.status).toBe('unknown');
    expect(open?.reason).toMatch(/does not set PubliclyAccessible/);
    expect(find('rds-instance-encrypted', 'Bad')?.status).toBe('fail');
    expect(find('rds-instance-auto-minor-version-upgrade', 'Bad')?.status).toBe('fail');
    expect(find('rds-instance-not-public', 'Good')?.status).toBe('pass');
  });

  it('takes parameter values from --var', async () => {
    const { find } = await scan('test/fixtures/iac/cfn/long-forms.json', '--var', 'Suffix=Enabled');
    expect(find('s3-bucket-versioning-enabled', 'Unresolved')?.status).toBe('pass');
  });

  it('points SARIF results of a template at its lines, valid against the SARIF schema', async () => {
    expect(await sarifLocationOf('examples/cloudformation', 'ec2-sg-no-public-admin-ports')).toEqual({
      artifactLocation: { uri: 'examples/cloudformation/storage.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 64, endLine: 68 },
    });
  });
});

describe('the same checks on Terraform and CloudFormation', () => {
  it.each(TABLE)('%s passes and fails on both, at the deciding line', async (check, pass, fail) => {
    const { find } = await scan('test/fixtures/iac/table');
    expect(find(check, pass[0])?.status).toBe('pass');
    expect(find(check, pass[1])?.status).toBe('pass');
    expect(find(check, fail[0])).toMatchObject({
      status: 'fail',
      location: { file: 'test/fixtures/iac/table/fail.tf', startLine: fail[2] },
    });
    expect(find(check, fail[1])).toMatchObject({
      status: 'fail',
      location: { file: 'test/fixtures/iac/table/fail.yaml', startLine: fail[3] },
    });
  });

  it('does not run checks of what only a running account has', async () => {
    const { results } = await scan('test/fixtures/iac/table');
    const ids = new Set(results.map((r) => r.checkId));
    for (const cloudOnly of ['iam-user-console-mfa', 'guardduty-enabled', 'ec2-ami-not-public'])
      expect(ids.has(cloudOnly)).toBe(false);
  });
});
