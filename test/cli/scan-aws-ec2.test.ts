import {
  DescribeFlowLogsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeRouteTablesCommand,
  DescribeVolumesCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  EC2Client,
  EC2ServiceException,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { AUDITOR_IDENTITY, useFakeAwsSession } from '../support/fake-aws-session.ts';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import { DEFAULT_ACL_ENTRIES, hardenedNetworkAcl, networkAcl } from '../support/ec2-builders.ts';

interface JsonReport {
  results: { checkId: string; status: string; resource: { arn: string; region: string }; reason?: string }[];
}

const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const workDir = useFakeAwsSession('cloudwarden-scan-ec2-');
beforeEach(() => {
  sts.reset();
  ec2.reset();
  sts.on(GetCallerIdentityCommand).resolves(AUDITOR_IDENTITY);
  ec2.on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'ap-northeast-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
    ],
  });
  ec2.on(DescribeNetworkAclsCommand).callsFake(async (_input, getClient) => {
    const region = await getClient().config.region();
    if (region === 'eu-west-1') {
      throw new EC2ServiceException({
        name: 'UnauthorizedOperation',
        message: 'You are not authorized to perform this operation.',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      });
    }
    return { NetworkAcls: [hardenedNetworkAcl('acl-0good'), networkAcl('acl-0open', DEFAULT_ACL_ENTRIES, true)] };
  });
  ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
  ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
  ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [] });
  ec2.on(DescribeFlowLogsCommand).resolves({ FlowLogs: [] });
  ec2.on(DescribeImagesCommand).resolves({ Images: [] });
  ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
  ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
  ec2.on(DescribeRouteTablesCommand).resolves({ RouteTables: [] });
  ec2.on(DescribeVpcPeeringConnectionsCommand).resolves({ VpcPeeringConnections: [] });
  ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true, SseType: 'sse-ebs' });
  ec2.on(GetInstanceMetadataDefaultsCommand).resolves({ AccountLevel: { HttpTokens: 'required' } });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const cli = (args: string[]) => runCliInProcess(args);

describe('scan aws --service ec2', () => {
  it('scans every enabled region: the open NACL fails, the denied region is unknown, and the snapshot rescans the same', async () => {
    const out = path.join(workDir(), 'ec2.json');
    const live = await cli(['scan', 'aws', '--service', 'ec2', '--format', 'json', '--snapshot-out', out]);
    expect(live.code).toBe(0);
    const report = JSON.parse(live.stdout) as JsonReport;
    const nacl = (arn: string) =>
      report.results.find((r) => r.checkId === 'ec2-nacl-no-public-admin-ports' && r.resource.arn === arn);
    expect(nacl('arn:aws:ec2:ap-northeast-1:123456789012:network-acl/acl-0open')?.status).toBe('fail');
    expect(nacl('arn:aws:ec2:ap-northeast-1:123456789012:network-acl/acl-0good')?.status).toBe('pass');
    expect(nacl('arn:aws:ec2:eu-west-1:123456789012:network-acl/*')).toMatchObject({
      status: 'unknown',
      reason: expect.stringContaining('UnauthorizedOperation on ec2:DescribeNetworkAcls in eu-west-1'),
    });
    expect(report.results.every((r) => r.checkId.startsWith('ec2-'))).toBe(true);
    expect(live.stderr).toContain('1 failed (results that needed them say unknown or name what could not be read)');

    const saved = validateSnapshot(JSON.parse(await readFile(out, 'utf8')));
    expect(saved.regions).toEqual(['ap-northeast-1', 'eu-west-1']);
    expect(saved.s3).toBeUndefined();
    const offline = await cli(['scan', 'snapshot', out, '--format', 'json']);
    expect((JSON.parse(offline.stdout) as JsonReport).results).toEqual(report.results);
  });

  it('--region limits the regions collected (no DescribeRegions call)', async () => {
    const result = await cli(['scan', 'aws', '--service', 'ec2', '--region', 'ap-northeast-1', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(ec2.commandCalls(DescribeRegionsCommand)).toHaveLength(0);
    const regions = new Set((JSON.parse(result.stdout) as JsonReport).results.map((r) => r.resource.region));
    expect([...regions]).toEqual(['ap-northeast-1']);
  });

  it('credentials that expire mid-run: what was collected is written marked partial, then one line names the error, exit 2', async () => {
    ec2.on(DescribeInstancesCommand).callsFake(async (_input, getClient) => {
      if ((await getClient().config.region()) === 'eu-west-1') {
        throw new EC2ServiceException({
          name: 'ExpiredTokenException',
          message: 'The security token included in the request has expired',
          $fault: 'client',
          $metadata: { httpStatusCode: 403 },
        });
      }
      return { Reservations: [] };
    });
    const out = path.join(workDir(), 'expired.json');
    const result = await cli(['scan', 'aws', '--service', 'ec2', '--snapshot-out', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /scan stopped: collection incomplete; what was collected is in .*expired\.json \(marked partial\)\n/,
    );
    expect(result.stderr).toMatch(
      /\nerror: AWS ExpiredTokenException \(DescribeInstances\): the AWS session token has expired[^\n]*\n$/,
    );
    const saved = validateSnapshot(JSON.parse(await readFile(out, 'utf8')));
    expect(saved.partial).toBe(true);
    expect(saved.ec2?.['ap-northeast-1']?.DescribeNetworkAcls).toMatchObject({
      NetworkAcls: [{ NetworkAclId: 'acl-0good' }, { NetworkAclId: 'acl-0open' }],
    });
    expect(saved.ec2?.['eu-west-1']?.DescribeInstances).toBeUndefined();
  });

  it('Ctrl-C before the account is identified: one line says nothing was collected, exit 130 (not a usage error)', async () => {
    sts.on(GetCallerIdentityCommand).callsFake(async () => {
      process.emit('SIGINT');
      const aborted = new Error('Request aborted');
      aborted.name = 'AbortError';
      throw aborted;
    });
    const result = await cli(['scan', 'aws', '--service', 'ec2', '--snapshot-out', path.join(workDir(), 'never.json')]);
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/\ninterrupted before the account was identified: nothing was collected\n$/);
    expect(ec2.commandCalls(DescribeNetworkAclsCommand)).toHaveLength(0);
  });
});
