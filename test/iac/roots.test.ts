import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootAccountId } from '../../src/iac/scan.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

interface JsonResult {
  checkId: string;
  status: string;
  resource: { arn: string; address?: string; region: string };
  location?: { file: string; startLine: number };
}

async function scan(args: string[], env?: Record<string, string>) {
  const run = await runCliInProcess(['scan', 'iac', ...args, '-f', 'json', '-q'], env ? { env } : {});
  const results = run.code === 2 ? [] : (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
  const of = (check: string) => results.filter((r) => r.checkId === check);
  return { run, results, of };
}

const PROD = rootAccountId('test/fixtures/iac/roots/prod');
const STAGING = rootAccountId('test/fixtures/iac/roots/staging');

describe('scan iac with several roots', () => {
  it('gives each Terraform root its own account, so equal names and addresses stay apart', async () => {
    const { of } = await scan(['test/fixtures/iac/roots']);
    expect(PROD).toMatch(/^\d{12}$/);
    expect(PROD).not.toBe(STAGING);
    expect(of('ec2-sg-no-public-admin-ports').map((r) => [r.status, r.resource.arn, r.location?.file])).toEqual([
      [
        'fail',
        `arn:aws:ec2:us-east-1:${PROD}:security-group/aws_security_group.web`,
        'test/fixtures/iac/roots/prod/main.tf',
      ],
      // staging's provider names its region
      [
        'pass',
        `arn:aws:ec2:eu-west-1:${STAGING}:security-group/aws_security_group.web`,
        'test/fixtures/iac/roots/staging/main.tf',
      ],
    ]);
    // role/deploy of prod is an administrator; staging's role of the same name is not joined to prod's attachment
    expect(of('iam-principal-no-full-admin').map((r) => [r.status, r.resource.arn])).toEqual([
      ['fail', `arn:aws:iam::${PROD}:role/deploy`],
      ['pass', `arn:aws:iam::${STAGING}:role/deploy`],
    ]);
    // unnamed buckets (S3 ARNs name no account) carry their root's account in the name; the split resource joins
    expect(of('s3-bucket-versioning-enabled').map((r) => [r.status, r.resource.arn])).toEqual([
      ['fail', `arn:aws:s3:::aws_s3_bucket.logs-${PROD}`],
      ['pass', `arn:aws:s3:::aws_s3_bucket.logs-${STAGING}`],
    ]);
  });

  it('keeps the placeholder account 000000000000 for a run of one root', async () => {
    const { of } = await scan(['test/fixtures/iac/roots/prod']);
    expect(of('iam-principal-no-full-admin')[0]?.resource.arn).toBe('arn:aws:iam::000000000000:role/deploy');
    expect(of('s3-bucket-versioning-enabled')[0]?.resource.arn).toBe('arn:aws:s3:::aws_s3_bucket.logs');
  });

  it('keeps two templates that both declare `Bucket` apart: the address names the file', async () => {
    const { of } = await scan(['test/fixtures/iac/roots-cfn']);
    const a = 'test/fixtures/iac/roots-cfn/a/stack.yaml';
    const b = 'test/fixtures/iac/roots-cfn/b/stack.yaml';
    expect(
      of('s3-bucket-versioning-enabled').map((r) => [r.status, r.resource.address, r.resource.arn, r.location?.file]),
    ).toEqual([
      ['pass', `${a}#Bucket`, `arn:aws:s3:::Bucket-${rootAccountId(a)}`, a],
      ['fail', `${b}#Bucket`, `arn:aws:s3:::Bucket-${rootAccountId(b)}`, b],
    ]);
    // a's policy joins a's bucket through !Ref Bucket, not b's
    expect(of('s3-bucket-policy-not-public').map((r) => [r.status, r.location?.file])).toEqual([
      ['fail', a],
      ['pass', b],
    ]);
  });
});

describe('scan iac with a module directory beside the roots that call it', () => {
  const bucket = 'resource "aws_s3_bucket" "b" {\n  bucket = "shared-${var.env}"\n}\nvariable "env" {}\n';
  const caller = (module: string, env: string) =>
    `module "shared" {\n  source = "../${module}"\n  env    = "${env}"\n}\n`;

  // roots are read and checked one at a time: the module's directory, met before or after its callers, gives no
  // results of its own (its variable has no value there), only through each call with that call's inputs
  it.each([{ module: 'a-shared' }, { module: 'z-shared' }])('module in $module', async ({ module }) => {
    const dir = await mkdtemp(join(tmpdir(), 'cw-iac-roots-'));
    try {
      for (const [sub, text] of [
        [module, bucket],
        ['m-prod', caller(module, 'prod')],
        ['n-dev', caller(module, 'dev')],
      ] as const) {
        await mkdir(join(dir, sub));
        await writeFile(join(dir, sub, 'main.tf'), text);
      }
      const { run, of } = await scan([dir]);
      expect(run.code).toBe(0);
      expect(
        of('s3-bucket-versioning-enabled').map((r) => [r.status, r.resource.address, r.resource.arn, r.location?.file]),
      ).toEqual([
        ['fail', 'module.shared.aws_s3_bucket.b', 'arn:aws:s3:::shared-prod', join(dir, module, 'main.tf')],
        ['fail', 'module.shared.aws_s3_bucket.b', 'arn:aws:s3:::shared-dev', join(dir, module, 'main.tf')],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('scan iac --region', () => {
  const sg = (results: JsonResult[]) =>
    results.find((r) => r.checkId === 'ec2-sg-no-public-admin-ports')?.resource.arn ?? '';

  it.each([
    {
      name: 'us-east-1 without flag or environment',
      args: [],
      env: { AWS_REGION: '', AWS_DEFAULT_REGION: '' },
      region: 'us-east-1',
    },
    {
      name: 'AWS_DEFAULT_REGION',
      args: [],
      env: { AWS_REGION: '', AWS_DEFAULT_REGION: 'ap-south-1' },
      region: 'ap-south-1',
    },
    {
      name: 'AWS_REGION over AWS_DEFAULT_REGION',
      args: [],
      env: { AWS_REGION: 'eu-north-1', AWS_DEFAULT_REGION: 'ap-south-1' },
      region: 'eu-north-1',
    },
    {
      name: '--region over the environment',
      args: ['--region', 'ap-northeast-1'],
      env: { AWS_REGION: 'eu-north-1', AWS_DEFAULT_REGION: '' },
      region: 'ap-northeast-1',
    },
  ])('$name', async ({ args, env, region }) => {
    const { results } = await scan(['test/fixtures/iac/roots/prod', ...args], env);
    expect(sg(results)).toBe(`arn:aws:ec2:${region}:000000000000:security-group/aws_security_group.web`);
    expect(results.find((r) => r.checkId === 'ec2-sg-no-public-admin-ports')?.resource.region).toBe(region);
  });

  it("leaves a provider's own region alone, and sets a template's", async () => {
    const tf = await scan(['test/fixtures/iac/roots/staging', '--region', 'ap-northeast-1']);
    expect(sg(tf.results)).toContain(':eu-west-1:');
    const cfn = await scan(['examples/cloudformation/storage.yaml', '--region', 'ap-northeast-1']);
    expect(cfn.of('ec2-sg-no-public-admin-ports')[0]?.resource.arn).toMatch(
      /^arn:aws:ec2:ap-northeast-1:000000000000:/,
    );
  });

  it('rejects a value that is not a region name as scan aws does', async () => {
    const { run } = await scan(['test/fixtures/iac/roots/prod', '--region', 'eu-west']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"eu-west" is not an AWS region name (e.g. ap-northeast-1)');
    const env = await scan(['test/fixtures/iac/roots/prod'], { AWS_REGION: 'Frankfurt' });
    expect(env.run.code).toBe(2);
  });
});
