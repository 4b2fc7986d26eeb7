import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { sarifLocationOf } from './sarif-of.ts';

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
  const find = (check: string, arn: string) => results.find((r) => r.checkId === check && r.resource.arn === arn);
  return { run, results, find };
}

describe('scan iac on Terraform', () => {
  it('finds the bundled example failures at file:line, with the resource address', async () => {
    const { run, find } = await scan('examples/terraform');
    expect(run.code).toBe(0);
    const versioning = find('s3-bucket-versioning-enabled', 'arn:aws:s3:::cloudwarden-example-dev-images');
    expect(versioning).toMatchObject({
      status: 'fail',
      resource: { address: 'aws_s3_bucket.image' },
      location: { file: 'examples/terraform/main.tf', startLine: 13, endLine: 15 },
    });
    // the split versioning resource decides for the logs bucket, and the result points at it
    expect(find('s3-bucket-versioning-enabled', 'arn:aws:s3:::cloudwarden-example-dev-logs')).toMatchObject({
      status: 'pass',
      location: { startLine: 47 },
    });
    // the policy document renders to a policy without a Deny of plain HTTP: the policy resource's line
    expect(find('s3-bucket-deny-insecure-transport', 'arn:aws:s3:::cloudwarden-example-dev-images')).toMatchObject({
      status: 'fail',
      location: { startLine: 17 },
    });
  });

  it("turns seed 002's fixed checks from fail to pass", async () => {
    const { find } = await scan('test/fixtures/iac/seed-002-fixed');
    const arn = 'arn:aws:s3:::example-dev-images';
    expect(find('s3-bucket-deny-insecure-transport', arn)?.status).toBe('pass');
    expect(find('s3-bucket-versioning-enabled', arn)?.status).toBe('pass');
    expect(find('s3-bucket-policy-not-public', arn)?.status).toBe('pass');
  });

  it('says unknown for unresolved values, keeps scanning past a broken file and exits 2', async () => {
    const { run, find, results } = await scan('test/fixtures/iac/hostile');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/test\/fixtures\/iac\/hostile\/broken\.tf:4:1: HCL syntax error/);
    expect(run.stderr).toMatch(/hostile\/main\.tf:18: count = 100000000 is more than 1000 instances/);
    expect(results.some((r) => r.resource.arn.startsWith('arn:aws:s3:::many-'))).toBe(false);
    const cyclic = find('s3-bucket-policy-not-public', 'arn:aws:s3:::cyclic');
    expect(cyclic?.status).toBe('unknown');
    expect(cyclic?.reason).toMatch(/local\.a refers to itself/);
    const unresolved = find('s3-bucket-versioning-enabled', 'arn:aws:s3:::unresolved');
    expect(unresolved?.status).toBe('unknown');
    expect(unresolved?.reason).toMatch(/var\.env has no value \(test\/fixtures\/iac\/hostile\/main\.tf:6\)/);
  });

  it('leaves the public-address verdict to the subnet when an instance does not set associate_public_ip_address', async () => {
    const { results } = await scan('test/fixtures/iac/checks/ec2-instance-imdsv2-required/pass');
    const verdict = (check: string) => results.find((r) => r.checkId === check);
    expect(verdict('ec2-instance-no-public-ipv4')).toMatchObject({ status: 'unknown' });
    expect(verdict('ec2-instance-no-public-ipv4')?.reason).toMatch(/associate_public_ip_address/);
    // the instance's other verdicts are not held back by it
    expect(verdict('ec2-instance-imdsv2-required')?.status).toBe('pass');
  });

  it('says unknown for IAM policies the code does not resolve, and for AWS managed policies other than AdministratorAccess', async () => {
    const { find } = await scan('test/fixtures/iac/iam-unresolved');
    const policy = find('iam-policy-no-full-admin', 'arn:aws:iam::000000000000:policy/open');
    expect(policy).toMatchObject({ status: 'unknown', location: { startLine: 5 } });
    expect(policy?.reason).toMatch(/var\.actions has no value \(test\/fixtures\/iac\/iam-unresolved\/main\.tf:1\)/);
    const role = find('iam-principal-no-full-admin', 'arn:aws:iam::000000000000:role/unresolved');
    expect(role?.status).toBe('unknown');
    expect(role?.reason).toMatch(/var\.actions has no value/);
    expect(find('iam-principal-no-full-admin', 'arn:aws:iam::000000000000:role/neighbour')?.status).toBe('pass');
    // AWS's own document of ReadOnlyAccess is not in the code
    expect(find('iam-principal-no-full-admin', 'arn:aws:iam::000000000000:role/elsewhere')?.status).toBe('unknown');
  });

  it('points SARIF results at the file and lines', async () => {
    expect(await sarifLocationOf('examples/terraform', 's3-bucket-mfa-delete-enabled')).toEqual({
      artifactLocation: { uri: 'examples/terraform/main.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 13, endLine: 15 },
    });
  });

  it('honours an inline acceptance comment', async () => {
    const { results } = await scan('test/fixtures/iac/accepted');
    expect(results.find((r) => r.checkId === 's3-bucket-versioning-enabled')?.status).toBe('accepted');
    expect(results.find((r) => r.checkId === 's3-bucket-logging-enabled')?.status).toBe('fail');
  });
});

describe('scan iac on modules with count and for_each', () => {
  it('expands modules and resources and names each instance by its address', async () => {
    const { results } = await scan('test/fixtures/iac/modules', '--check', 's3-bucket-versioning-enabled');
    const byAddress = Object.fromEntries(results.map((r) => [r.resource.address, [r.status, r.resource.arn]]));
    expect(byAddress).toEqual({
      'module.each["logs"].aws_s3_bucket.this': ['pass', 'arn:aws:s3:::mod-logs'],
      'module.each["images"].aws_s3_bucket.this': ['fail', 'arn:aws:s3:::mod-images'],
      'module.counted[0].aws_s3_bucket.this': ['pass', 'arn:aws:s3:::mod-counted-0'],
      'module.counted[1].aws_s3_bucket.this': ['fail', 'arn:aws:s3:::mod-counted-1'],
      'aws_s3_bucket.extra[0]': ['fail', 'arn:aws:s3:::mod-extra-0'],
      'aws_s3_bucket.extra[1]': ['fail', 'arn:aws:s3:::mod-extra-1'],
    });
    // a module's verdict points into the module's file, at the split resource that decides it
    expect(results.find((r) => r.resource.address === 'module.each["logs"].aws_s3_bucket.this')?.location).toEqual({
      file: 'test/fixtures/iac/modules/modules/bucket/main.tf',
      startLine: 10,
      endLine: 15,
    });
  });
});

describe('scan iac on a terraform show -json plan', () => {
  it('reads modules, joins split resources and makes after_unknown values unknown', async () => {
    const { run, find } = await scan('test/fixtures/iac/plan.json');
    expect(run.code).toBe(0);
    expect(find('s3-bucket-versioning-enabled', 'arn:aws:s3:::plan-logs')).toMatchObject({
      status: 'pass',
      resource: { address: 'module.logs.aws_s3_bucket.this' },
      // the verdict's evidence is the split versioning resource: its address line in the plan
      location: { file: 'test/fixtures/iac/plan.json', startLine: 13 },
    });
    expect(find('s3-bucket-versioning-enabled', 'arn:aws:s3:::plan-data')?.status).toBe('fail');
    const policy = find('s3-bucket-policy-not-public', 'arn:aws:s3:::plan-logs');
    expect(policy?.status).toBe('unknown');
    expect(policy?.reason).toMatch(/module\.logs\.aws_s3_bucket_policy\.this\.policy is known only after apply/);
  });

  it('reads nested child modules with instance keys and joins split resources through configuration references', async () => {
    const { results } = await scan('test/fixtures/iac/plan-modules.json', '--check', 's3-bucket-versioning-enabled');
    const byAddress = Object.fromEntries(results.map((r) => [r.resource.address, r.status]));
    // `bucket = aws_s3_bucket.this.id` is unknown in a plan: the configuration's references join it to its bucket
    expect(byAddress).toEqual({
      'module.each["logs"].aws_s3_bucket.this': 'pass',
      'module.each["logs"].module.inner[0].aws_s3_bucket.this': 'fail',
      'module.counted[1].aws_s3_bucket.this': 'pass',
    });
    expect(
      results.find((r) => r.resource.address === 'module.each["logs"].module.inner[0].aws_s3_bucket.this')?.location,
    ).toEqual({ file: 'test/fixtures/iac/plan-modules.json', startLine: 17, endLine: 17 });
  });
});
