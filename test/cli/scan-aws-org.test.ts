import {
  DescribeFlowLogsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { DEFAULT_ACL_ENTRIES, networkAcl } from '../support/ec2-builders.ts';

interface JsonReport {
  accountId: string;
  results: { checkId: string; status: string; accountId: string; resource: { arn: string } }[];
}

const sts = mockClient(STSClient);
const orgs = mockClient(OrganizationsClient);
const ec2 = mockClient(EC2Client);
let dir: string;

const account = (Id: string, State: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE') => ({ Id, Arn: `arn:aws:organizations::999999999999:account/o-exampleorgid/${Id}`, Name: `acct-${Id}`, Email: `aws+${Id}@example.com`, Status: State, State, JoinedMethod: 'CREATED' as const });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-org-'));
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
});
afterAll(async () => {
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  sts.reset();
  orgs.reset();
  ec2.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '999999999999', Arn: 'arn:aws:iam::999999999999:user/auditor', UserId: 'AIDAEXAMPLE' });
  sts.on(AssumeRoleCommand).callsFake(async (input: { RoleArn: string }) => {
    if (input.RoleArn.includes('222222222222')) {
      throw new STSServiceException({ name: 'AccessDenied', message: 'User: arn:aws:iam::999999999999:user/auditor is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/OrganizationAccountAccessRole', $fault: 'client', $metadata: { httpStatusCode: 403 } });
    }
    return { Credentials: { AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date('2030-01-01T00:00:00Z') } };
  });
  orgs
    .on(ListAccountsCommand)
    .resolvesOnce({ Accounts: [account('111111111111'), account('222222222222')], NextToken: 'next' })
    .resolvesOnce({ Accounts: [account('333333333333'), account('444444444444', 'SUSPENDED')] });
  ec2.on(DescribeNetworkAclsCommand).resolves({ NetworkAcls: [networkAcl('acl-0open', DEFAULT_ACL_ENTRIES, true) as never] });
  for (const command of [DescribeSecurityGroupsCommand, DescribeInstancesCommand, DescribeVpcsCommand, DescribeFlowLogsCommand, DescribeImagesCommand, DescribeSnapshotsCommand]) {
    const key = { DescribeSecurityGroupsCommand: 'SecurityGroups', DescribeInstancesCommand: 'Reservations', DescribeVpcsCommand: 'Vpcs', DescribeFlowLogsCommand: 'FlowLogs', DescribeImagesCommand: 'Images', DescribeSnapshotsCommand: 'Snapshots' }[command.name] as string;
    ec2.on(command as never).resolves({ [key]: [] } as never);
  }
  ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true });
  ec2.on(GetInstanceMetadataDefaultsCommand).resolves({ AccountLevel: { HttpTokens: 'required' } });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const cli = (args: string[]) => runCliInProcess(args);

describe('scan aws --org', () => {
  it('scans every ACTIVE account through the role; the account whose role cannot be assumed is reported, the others scanned', async () => {
    const out = path.join(dir, 'org');
    const result = await cli(['scan', 'aws', '--org', '--service', 'ec2', '--region', 'ap-northeast-1', '--format', 'json', '--snapshot-out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('account 222222222222 not scanned: AccessDenied');
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.accountId).toBe('999999999999');
    expect([...new Set(report.results.map((r) => r.accountId))]).toEqual(['111111111111', '333333333333']);
    expect(report.results.find((r) => r.resource.arn === 'arn:aws:ec2:ap-northeast-1:333333333333:network-acl/acl-0open')?.status).toBe('fail');
    expect((await readdir(out)).sort()).toEqual(['111111111111.json', '333333333333.json']);

    const roles = sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input);
    expect(roles.map((r) => r.RoleArn).sort()).toEqual([
      'arn:aws:iam::111111111111:role/OrganizationAccountAccessRole',
      'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole',
      'arn:aws:iam::333333333333:role/OrganizationAccountAccessRole',
    ]);
    expect(roles[0]?.RoleSessionName).toMatch(/^cloudwarden-scan-\d{14}$/);
  });

  it('--accounts FILE with --external-id: the table gains an account column', async () => {
    const file = path.join(dir, 'accounts.txt');
    await writeFile(file, '# prod\n111111111111\n333333333333\n');
    const result = await cli(['scan', 'aws', '--accounts', file, '--external-id', 'ext-123', '--service', 'ec2', '--region', 'ap-northeast-1']);
    expect(result.code).toBe(0);
    expect(orgs.commandCalls(ListAccountsCommand)).toHaveLength(0);
    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input.ExternalId).toBe('ext-123');
    expect(result.stdout).toContain('Resource Summary (2 AWS accounts');
    expect(result.stdout).toMatch(/│ Account\s+│ Resource/);
    expect(result.stdout).toMatch(/│ 333333333333 +│ arn:aws:ec2:ap-northeast-1:333333333333:network-acl\/acl-0open/);
  });

  it('a bad --accounts line is a usage error naming the line', async () => {
    const file = path.join(dir, 'bad.txt');
    await writeFile(file, '111111111111\n12345\n');
    const result = await cli(['scan', 'aws', '--accounts', file, '--service', 'ec2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.txt:2');
    expect(result.stderr).toContain('"12345" is not a 12-digit AWS account id');
  });
});
