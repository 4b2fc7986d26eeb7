import {
  EC2ServiceException,
  DescribeFlowLogsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useFakeAwsSession } from '../support/fake-aws-session.ts';
import { DEFAULT_ACL_ENTRIES, networkAcl } from '../support/ec2-builders.ts';

interface JsonReport {
  accountId: string;
  results: { checkId: string; status: string; accountId: string; resource: { arn: string } }[];
}

const sts = mockClient(STSClient);
const orgs = mockClient(OrganizationsClient);
const ec2 = mockClient(EC2Client);

/** Each assumed role gets its own access key id, so a mocked call can tell which account it is made in. */
const credentialsFor = (accountId: string) => ({
  Credentials: {
    AccessKeyId: `ASIA${accountId}`,
    SecretAccessKey: 'secret',
    SessionToken: 'token',
    Expiration: new Date('2030-01-01T00:00:00Z'),
  },
});
const accountOf = (roleArn: string) => roleArn.split(':')[4] as string;
const callerAccount = async (getClient: () => { config: { credentials: () => Promise<{ accessKeyId: string }> } }) =>
  (await getClient().config.credentials()).accessKeyId.slice(4);
const stsError = (name: string, message: string) =>
  new STSServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 403 } });

const account = (Id: string, State: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE') => ({
  Id,
  Arn: `arn:aws:organizations::999999999999:account/o-exampleorgid/${Id}`,
  Name: `acct-${Id}`,
  Email: `aws+${Id}@example.com`,
  Status: State,
  State,
  JoinedMethod: 'CREATED' as const,
});

const workDir = useFakeAwsSession('cloudwarden-org-');
beforeEach(() => {
  sts.reset();
  orgs.reset();
  ec2.reset();
  sts
    .on(GetCallerIdentityCommand)
    .resolves({ Account: '999999999999', Arn: 'arn:aws:iam::999999999999:user/auditor', UserId: 'AIDAEXAMPLE' });
  sts.on(AssumeRoleCommand).callsFake(async (input: { RoleArn: string }) => {
    if (input.RoleArn.includes('222222222222')) {
      throw stsError(
        'AccessDenied',
        'User: arn:aws:iam::999999999999:user/auditor is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/OrganizationAccountAccessRole',
      );
    }
    return credentialsFor(accountOf(input.RoleArn));
  });
  orgs
    .on(ListAccountsCommand)
    .resolvesOnce({ Accounts: [account('111111111111'), account('222222222222')], NextToken: 'next' })
    .resolvesOnce({ Accounts: [account('333333333333'), account('444444444444', 'SUSPENDED')] });
  ec2.on(DescribeNetworkAclsCommand).resolves({ NetworkAcls: [networkAcl('acl-0open', DEFAULT_ACL_ENTRIES, true)] });
  for (const command of [
    DescribeSecurityGroupsCommand,
    DescribeInstancesCommand,
    DescribeVpcsCommand,
    DescribeFlowLogsCommand,
    DescribeImagesCommand,
    DescribeSnapshotsCommand,
    DescribeVolumesCommand,
  ]) {
    const key = {
      DescribeSecurityGroupsCommand: 'SecurityGroups',
      DescribeInstancesCommand: 'Reservations',
      DescribeVpcsCommand: 'Vpcs',
      DescribeFlowLogsCommand: 'FlowLogs',
      DescribeImagesCommand: 'Images',
      DescribeSnapshotsCommand: 'Snapshots',
      DescribeVolumesCommand: 'Volumes',
    }[command.name] as string;
    ec2.on(command as never).resolves({ [key]: [] });
  }
  ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true });
  ec2.on(GetInstanceMetadataDefaultsCommand).resolves({ AccountLevel: { HttpTokens: 'required' } });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const cli = (args: string[]) => runCliInProcess(args);

describe('scan aws --org', () => {
  it('scans every ACTIVE account through the role; the account whose role cannot be assumed is reported, the others scanned', async () => {
    const out = path.join(workDir(), 'org');
    const result = await cli([
      'scan',
      'aws',
      '--org',
      '--service',
      'ec2',
      '--region',
      'ap-northeast-1',
      '--format',
      'json',
      '--snapshot-out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('account 222222222222 not scanned: AccessDenied');
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.accountId).toBe('999999999999');
    expect([...new Set(report.results.map((r) => r.accountId))]).toEqual(['111111111111', '333333333333']);
    expect(
      report.results.find((r) => r.resource.arn === 'arn:aws:ec2:ap-northeast-1:333333333333:network-acl/acl-0open')
        ?.status,
    ).toBe('fail');
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
    const file = path.join(workDir(), 'accounts.txt');
    await writeFile(file, '# prod\n111111111111\n333333333333\n');
    const result = await cli([
      'scan',
      'aws',
      '--accounts',
      file,
      '--external-id',
      'ext-123',
      '--service',
      'ec2',
      '--region',
      'ap-northeast-1',
    ]);
    expect(result.code).toBe(0);
    expect(orgs.commandCalls(ListAccountsCommand)).toHaveLength(0);
    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input.ExternalId).toBe('ext-123');
    expect(result.stdout).toContain('Resource Summary (2 AWS accounts');
    // one group per service, region and account
    expect(result.stdout).toMatch(/^ec2 in ap-northeast-1, account 333333333333: /m);
    const group = result.stdout.slice(result.stdout.search(/^ec2 in ap-northeast-1, account 333333333333: /m));
    expect(group).toMatch(/^ {2}network-acl\/acl-0open\S* /m);
  });

  it('a bad --accounts line is a usage error naming the line', async () => {
    const file = path.join(workDir(), 'bad.txt');
    await writeFile(file, '111111111111\n12345\n');
    const result = await cli(['scan', 'aws', '--accounts', file, '--service', 'ec2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.txt:2');
    expect(result.stderr).toContain('"12345" is not a 12-digit AWS account id');
  });

  it('--securityhub with --org is a usage error before any AWS call (Security Hub takes findings only from their own account)', async () => {
    const result = await cli(['scan', 'aws', '--org', '--service', 'ec2', '--securityhub']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error: --securityhub: Security Hub imports findings only from the account they are about[^\n]*\n$/,
    );
    expect(sts.calls()).toHaveLength(0);
    expect(orgs.calls()).toHaveLength(0);
  });
});

describe('scan aws --org stopped mid-run', () => {
  const scanArgs = (file: string, out: string) => [
    'scan',
    'aws',
    '--accounts',
    file,
    '--service',
    'ec2',
    '--region',
    'ap-northeast-1',
    '--concurrency',
    '4',
    '--snapshot-out',
    out,
  ];
  const readSaved = async (out: string, accountId: string) =>
    validateSnapshot(JSON.parse(await readFile(path.join(out, `${accountId}.json`), 'utf8')));

  it('Ctrl-C: every account stops, what was collected is written (those cut short marked partial), "interrupted", exit 130', async () => {
    const file = path.join(workDir(), 'three.txt');
    await writeFile(file, '111111111111\n333333333333\n555555555555\n');
    const out = path.join(workDir(), 'interrupted');
    let ctrlCPressed!: () => void;
    const pressed = new Promise<void>((resolve) => (ctrlCPressed = resolve));
    sts.on(AssumeRoleCommand).callsFake(async (input: { RoleArn: string }) => {
      // this role's answer comes after Ctrl-C: the account is never scanned
      if (accountOf(input.RoleArn) === '555555555555') await pressed;
      return credentialsFor(accountOf(input.RoleArn));
    });
    ec2.on(DescribeInstancesCommand).callsFake(async (_input, getClient) => {
      if ((await callerAccount(getClient)) === '333333333333') {
        process.emit('SIGINT');
        ctrlCPressed();
      }
      return { Reservations: [] };
    });
    const listeners = process.listenerCount('SIGINT');

    const result = await cli(scanArgs(file, out));
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'interrupted: stopping the calls in flight and writing what was collected (Ctrl-C again to quit at once)',
    );
    expect(result.stderr).toMatch(
      /interrupted: 2 of 3 account\(s\) collected, [12] of them cut short; what was collected is in .*interrupted \(one <account>\.json each, those cut short marked partial\)\n/,
    );
    expect((await readdir(out)).sort()).toEqual(['111111111111.json', '333333333333.json']);
    const cut = await readSaved(out, '333333333333');
    expect(cut.partial).toBe(true);
    expect(cut.ec2?.['ap-northeast-1']?.DescribeInstances).toEqual({ Reservations: [] });
    // the handler is gone: a second Ctrl-C meets Node's default and ends the process at once
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it("the caller's credentials expire: what was collected is written marked partial, one line names ExpiredToken, exit 2; a denied role stays that account's failure", async () => {
    const file = path.join(workDir(), 'expiring.txt');
    await writeFile(file, '111111111111\n222222222222\n333333333333\n');
    const out = path.join(workDir(), 'expired');
    let collecting!: () => void;
    const started = new Promise<void>((resolve) => (collecting = resolve));
    let expired!: () => void;
    const expiredSent = new Promise<void>((resolve) => (expired = resolve));
    sts.on(AssumeRoleCommand).callsFake(async (input: { RoleArn: string }) => {
      const id = accountOf(input.RoleArn);
      if (id === '222222222222')
        throw stsError(
          'AccessDenied',
          `User: arn:aws:iam::999999999999:user/auditor is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`,
        );
      if (id === '333333333333') {
        // the session of the caller runs out while account 111111111111 is being collected
        await started;
        expired();
        throw stsError('ExpiredToken', 'The security token included in the request is expired');
      }
      return credentialsFor(id);
    });
    ec2.on(DescribeNetworkAclsCommand).callsFake(async () => {
      collecting();
      await expiredSent;
      await new Promise((resolve) => setImmediate(resolve));
      return { NetworkAcls: [networkAcl('acl-0open', DEFAULT_ACL_ENTRIES, true) as never] };
    });

    const result = await cli(scanArgs(file, out));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('account 222222222222 not scanned: AccessDenied');
    expect(result.stderr).not.toContain('account 333333333333 not scanned');
    expect(result.stderr).toMatch(
      /scan stopped: 1 of 3 account\(s\) collected, 1 of them cut short; what was collected is in .*expired \(one <account>\.json each, those cut short marked partial\)\n/,
    );
    expect(result.stderr).toMatch(
      /\nerror: AWS ExpiredToken \(sts:AssumeRole\): the AWS session token has expired[^\n]*\n$/,
    );
    expect(await readdir(out)).toEqual(['111111111111.json']);
    const saved = await readSaved(out, '111111111111');
    expect(saved.partial).toBe(true);
    expect(saved.ec2?.['ap-northeast-1']?.DescribeNetworkAcls).toMatchObject({
      NetworkAcls: [{ NetworkAclId: 'acl-0open' }],
    });
  });
});

describe('scan aws --org: one account whose session expires mid-run', () => {
  it('is reported as cut short, what it collected is kept (marked partial), and the other accounts and the exit code are unaffected', async () => {
    const file = path.join(workDir(), 'two.txt');
    await writeFile(file, '111111111111\n333333333333\n');
    const out = path.join(workDir(), 'member-expired');
    ec2.on(DescribeInstancesCommand).callsFake(async (_input, getClient) => {
      if ((await callerAccount(getClient)) === '333333333333') {
        throw new EC2ServiceException({
          name: 'ExpiredTokenException',
          message: 'The security token included in the request has expired',
          $fault: 'client',
          $metadata: { httpStatusCode: 403 },
        });
      }
      return { Reservations: [] };
    });
    const result = await cli([
      'scan',
      'aws',
      '--accounts',
      file,
      '--service',
      'ec2',
      '--region',
      'ap-northeast-1',
      '--concurrency',
      '64',
      '--format',
      'json',
      '--snapshot-out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /account 333333333333 cut short \(what was collected is kept, marked partial\): ExpiredTokenException: the AWS session token has expired/,
    );
    expect((await readdir(out)).sort()).toEqual(['111111111111.json', '333333333333.json']);
    const complete = validateSnapshot(JSON.parse(await readFile(path.join(out, '111111111111.json'), 'utf8')));
    const cut = validateSnapshot(JSON.parse(await readFile(path.join(out, '333333333333.json'), 'utf8')));
    expect(complete.partial).toBeUndefined();
    expect(cut.partial).toBe(true);
    expect(cut.ec2?.['ap-northeast-1']?.DescribeInstances).toBeUndefined();
    const report = JSON.parse(result.stdout) as JsonReport;
    // what the cut-short account did collect is still checked: its open NACL fails
    expect(
      report.results.find((r) => r.resource.arn === 'arn:aws:ec2:ap-northeast-1:333333333333:network-acl/acl-0open')
        ?.status,
    ).toBe('fail');
  });
});
