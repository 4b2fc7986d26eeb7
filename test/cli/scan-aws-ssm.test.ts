import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand, SSMClient, SSMServiceException } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import { instance, permission, reservations, securityGroup } from '../support/ec2-builders.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { managedNode, SSM_ACCESS_DENIED } from '../support/ssm-builders.ts';

interface JsonReport {
  results: { checkId: string; status: string; message: string; resource: { arn: string } }[];
}

const CHECK = 'ec2-instance-admin-ports-use-session-manager';
const WEB = 'i-0123456789abcdef0';
const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const ssm = mockClient(SSMClient);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-scan-ssm-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(() => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  for (const mock of [sts, ec2, ssm]) mock.reset();
  sts
    .on(GetCallerIdentityCommand)
    .resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/auditor', UserId: 'AIDAEXAMPLE' });
  // every other EC2 listing and setting answers empty: only the instance and its group matter here
  ec2.onAnyCommand().resolves({});
  ec2
    .on(DescribeInstancesCommand)
    .resolves(
      reservations(
        instance(WEB, { groups: ['sg-0ssh'], profile: 'arn:aws:iam::123456789012:instance-profile/web' }),
      ) as never,
    );
  ec2
    .on(DescribeSecurityGroupsCommand)
    .resolves({ SecurityGroups: [securityGroup('sg-0ssh', [permission('tcp', [22, 22], '0.0.0.0/0')])] });
  ssm.on(DescribeInstanceInformationCommand).resolves({
    InstanceInformationList: [{ ...managedNode(WEB), LastPingDateTime: new Date('2026-11-22T08:55:12.345Z') }] as never,
  });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const scan = (...args: string[]) =>
  runCliInProcess(['scan', 'aws', '--region', 'ap-northeast-1', '--format', 'json', ...args]);
const sessionManagerResult = (stdout: string) =>
  (JSON.parse(stdout) as JsonReport).results.find((r) => r.checkId === CHECK);

describe('scan aws --service ec2,ssm', () => {
  it('says Session Manager already works for the instance with SSH open, and the saved snapshot says the same offline', async () => {
    const out = path.join(dir, 'ssm.json');
    const live = await scan('--service', 'ec2,ssm', '--snapshot-out', out);
    expect(live.code, live.stderr).toBe(0);
    expect(sessionManagerResult(live.stdout)).toMatchObject({
      status: 'fail',
      message:
        'reachable from the internet on 22 (SSH) from 0.0.0.0/0; Session Manager already works for it (SSM agent Online, last ping 2026-11-22T08:55:12.345Z): close the port',
    });
    const saved = validateSnapshot(JSON.parse(await readFile(out, 'utf8')));
    expect(saved.ssm?.['ap-northeast-1']?.DescribeInstanceInformation).toMatchObject({
      InstanceInformationList: [{ InstanceId: WEB, PingStatus: 'Online' }],
    });
    const offline = await runCliInProcess(['scan', 'snapshot', out, '--format', 'json']);
    expect(sessionManagerResult(offline.stdout)).toEqual(sessionManagerResult(live.stdout));
  });

  it('ssm denied: the open port still fails, the message says the registration could not be read, stderr counts the failed call', async () => {
    const { name, message } = SSM_ACCESS_DENIED.error;
    ssm
      .on(DescribeInstanceInformationCommand)
      .rejects(new SSMServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 400 } }));
    const result = await scan('--service', 'ec2,ssm');
    expect(result.code).toBe(0);
    expect(sessionManagerResult(result.stdout)?.status).toBe('fail');
    expect(sessionManagerResult(result.stdout)?.message).toContain(
      'could not be read (AccessDeniedException on ssm:DescribeInstanceInformation',
    );
    expect(result.stderr).toContain('1 failed (results that needed them say unknown or name what could not be read)');
  });

  it('--service ec2 alone does not call SSM: the message says the registration was not collected', async () => {
    const result = await scan('--service', 'ec2');
    expect(ssm.commandCalls(DescribeInstanceInformationCommand)).toHaveLength(0);
    expect(sessionManagerResult(result.stdout)?.message).toContain(
      'could not be read (ssm:DescribeInstanceInformation was not collected)',
    );
  });
});
