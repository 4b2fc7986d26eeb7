import {
  DescribeFlowLogsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  EC2Client,
  EC2ServiceException,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import ec2Collector from '../../src/services/ec2/index.ts';
import { collectRegional, enabledRegions } from '../../src/collect/regional-collector.ts';
import { RunState } from '../../src/collect/run-state.ts';
import { normalise } from '../../src/model/normalise.ts';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import { hardenedNetworkAcl, networkAcl, DEFAULT_ACL_ENTRIES } from '../support/ec2-builders.ts';

const ACCOUNT = { accountId: '123456789012', partition: 'aws' };

function ec2Error(name: string, message: string, httpStatusCode = 403) {
  return new EC2ServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode } });
}

const ec2 = mockClient(EC2Client);
let clients: AwsClients;

beforeEach(async () => {
  ec2.reset();
  clients = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
  ec2.on(DescribeNetworkAclsCommand).resolves({ NetworkAcls: [hardenedNetworkAcl()] });
  ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
  ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
  ec2.on(DescribeVpcsCommand).resolves({
    Vpcs: [{ VpcId: 'vpc-0a1b2c3d4e5f60718', IsDefault: true, CidrBlock: '172.31.0.0/16', State: 'available' }],
  });
  ec2.on(DescribeFlowLogsCommand).resolves({ FlowLogs: [] });
  ec2.on(DescribeRouteTablesCommand).resolves({ RouteTables: [] });
  ec2.on(DescribeVpcPeeringConnectionsCommand).resolves({ VpcPeeringConnections: [] });
  ec2.on(DescribeImagesCommand).resolves({ Images: [] });
  ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
  ec2.on(DescribeVolumesCommand).resolves({ Volumes: [] });
  ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: false, SseType: 'sse-ebs' });
  ec2.on(GetInstanceMetadataDefaultsCommand).resolves({ AccountLevel: {} });
});
afterEach(() => clients.destroy());

async function collect(regions: string[]) {
  const run = new RunState(pLimit(8));
  const sections = await collectRegional(clients, ACCOUNT, [ec2Collector], regions, run);
  const snapshot = validateSnapshot({
    cloudwarden: 'snapshot/v1',
    ...ACCOUNT,
    collectedAt: '2026-11-22T00:00:00Z',
    regions,
    ...sections,
  });
  return { snapshot, run };
}

describe('ec2 collector', () => {
  it('concatenates every page of a listing into one response without NextToken', async () => {
    ec2
      .on(DescribeNetworkAclsCommand)
      .resolvesOnce({ NetworkAcls: [hardenedNetworkAcl('acl-01')], NextToken: 'page2' })
      .resolvesOnce({ NetworkAcls: [networkAcl('acl-02', DEFAULT_ACL_ENTRIES, true)] });
    const { snapshot } = await collect(['ap-northeast-1']);
    const listing = snapshot.ec2?.['ap-northeast-1']?.DescribeNetworkAcls as {
      NetworkAcls: { NetworkAclId: string }[];
      NextToken?: string;
    };
    expect(listing.NetworkAcls.map((a) => a.NetworkAclId)).toEqual(['acl-01', 'acl-02']);
    expect(listing).not.toHaveProperty('NextToken');
    expect(ec2.commandCalls(DescribeNetworkAclsCommand)[1]?.args[0].input).toMatchObject({ NextToken: 'page2' });
  });

  it('records UnauthorizedOperation as the error and the region as a gap, other calls still answered', async () => {
    ec2
      .on(DescribeNetworkAclsCommand)
      .rejects(ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.'));
    const { snapshot, run } = await collect(['ap-northeast-1']);
    const region = snapshot.ec2?.['ap-northeast-1'];
    expect(region?.DescribeNetworkAcls).toEqual({
      error: { name: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' },
    });
    expect(region?.GetEbsEncryptionByDefault).toEqual({ EbsEncryptionByDefault: false, SseType: 'sse-ebs' });
    expect(run.stats.errors).toBe(1);
    expect(normalise(snapshot).gaps).toEqual([
      expect.objectContaining({
        kind: 'ec2-network-acl',
        arn: 'arn:aws:ec2:ap-northeast-1:123456789012:network-acl/*',
      }),
    ]);
  });

  it('a region that is not opted in (OptInRequired) ends as errors for that region only', async () => {
    ec2.on(DescribeNetworkAclsCommand, {}).callsFake(async (_input, getClient) => {
      const region = await getClient().config.region();
      if (region === 'me-south-1') throw ec2Error('OptInRequired', 'You are not subscribed to this service.');
      return { NetworkAcls: [] };
    });
    const { snapshot } = await collect(['ap-northeast-1', 'me-south-1']);
    expect(snapshot.ec2?.['me-south-1']?.DescribeNetworkAcls).toMatchObject({ error: { name: 'OptInRequired' } });
    expect(snapshot.ec2?.['ap-northeast-1']?.DescribeNetworkAcls).toEqual({ NetworkAcls: [] });
  });

  const ownSnapshot = (n: number, owner = '123456789012') => ({
    SnapshotId: `snap-${n.toString(16).padStart(17, '0')}`,
    VolumeId: 'vol-0aa',
    Encrypted: false,
    OwnerId: owner,
    State: 'completed' as const,
  });

  it('decides public snapshots with one RestorableByUserIds=all listing, without a call per snapshot', async () => {
    const listed = Array.from({ length: 1474 }, (_, n) => ownSnapshot(n));
    ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: listed });
    ec2.on(DescribeSnapshotsCommand, { RestorableByUserIds: ['all'] }).resolves({ Snapshots: [listed[7]!] });
    const { snapshot } = await collect(['ap-northeast-1']);
    const region = snapshot.ec2?.['ap-northeast-1'];
    expect(region?.DescribeSnapshotsRestorableByAll).toEqual({ Snapshots: [listed[7]] });
    expect(region?.DescribeSnapshotAttribute).toBeUndefined();
    expect(ec2.commandCalls(DescribeSnapshotAttributeCommand)).toHaveLength(0);
    expect(ec2.commandCalls(DescribeSnapshotsCommand).map((c) => c.args[0].input)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ OwnerIds: ['self'], RestorableByUserIds: ['all'] }),
        expect.not.objectContaining({ RestorableByUserIds: expect.anything() }),
      ]),
    );
    const snapshots = normalise(snapshot).ec2.snapshots;
    expect(snapshots).toHaveLength(1474);
    expect(snapshots.filter((s) => s.publicRestore.kind === 'present' && s.publicRestore.value.isPublic)).toHaveLength(
      1,
    );
  });

  it('when the public listing fails, asks createVolumePermission of every own snapshot (no cap), keyed by id', async () => {
    const own = Array.from({ length: 250 }, (_, n) => ownSnapshot(n));
    ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [...own, ownSnapshot(9999, '999988887777')] });
    ec2
      .on(DescribeSnapshotsCommand, { RestorableByUserIds: ['all'] })
      .rejects(ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.'));
    ec2.on(DescribeSnapshotAttributeCommand).callsFake(async (input: { SnapshotId: string }) => ({
      SnapshotId: input.SnapshotId,
      CreateVolumePermissions: [],
    }));
    ec2
      .on(DescribeSnapshotAttributeCommand, { SnapshotId: own[3]!.SnapshotId })
      .resolves({ SnapshotId: own[3]!.SnapshotId, CreateVolumePermissions: [{ Group: 'all' }] });
    const { snapshot } = await collect(['ap-northeast-1']);
    const attributes = snapshot.ec2?.['ap-northeast-1']?.DescribeSnapshotAttribute ?? {};
    // every own snapshot, beyond the 200 once asked at most; not the other account's
    expect(Object.keys(attributes)).toHaveLength(250);
    expect(attributes[own[3]!.SnapshotId]).toEqual({
      SnapshotId: own[3]!.SnapshotId,
      CreateVolumePermissions: [{ Group: 'all' }],
    });
    expect(ec2.commandCalls(DescribeSnapshotAttributeCommand)[0]?.args[0].input).toEqual({
      SnapshotId: own[0]!.SnapshotId,
      Attribute: 'createVolumePermission',
    });
    const snapshots = normalise(snapshot).ec2.snapshots;
    expect(snapshots.map((s) => s.id)).not.toContain(ownSnapshot(9999).SnapshotId);
    expect(
      snapshots.filter((s) => s.publicRestore.kind === 'present' && s.publicRestore.value.isPublic).map((s) => s.id),
    ).toEqual([own[3]!.SnapshotId]);
  });

  it('an AuthFailure on one call is recorded for that call (the VPCs become a gap), the rest of the region is kept', async () => {
    ec2
      .on(DescribeVpcsCommand)
      .rejects(ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials', 401));
    const { snapshot } = await collect(['ap-northeast-1']);
    expect(snapshot.ec2?.['ap-northeast-1']?.DescribeVpcs).toMatchObject({ error: { name: 'AuthFailure' } });
    expect(normalise(snapshot).gaps.map((g) => g.arn)).toEqual(['arn:aws:ec2:ap-northeast-1:123456789012:vpc/*']);
    expect(normalise(snapshot).ec2.networkAcls).toHaveLength(1);
  });
});

describe('enabled regions', () => {
  it('asks for opted-in regions only and keeps those not marked not-opted-in', async () => {
    ec2.on(DescribeRegionsCommand).resolves({
      Regions: [
        { RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
        { RegionName: 'ap-east-1', Endpoint: 'ec2.ap-east-1.amazonaws.com', OptInStatus: 'opted-in' },
      ],
    });
    const { regions } = await enabledRegions(clients, new RunState(pLimit(2)));
    expect(regions).toEqual(['ap-east-1', 'us-east-1']);
    expect(ec2.commandCalls(DescribeRegionsCommand)[0]?.args[0].input).toEqual({ AllRegions: false });
  });

  it('falls back to the home region and says why when DescribeRegions is denied', async () => {
    ec2
      .on(DescribeRegionsCommand)
      .rejects(ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.'));
    const result = await enabledRegions(clients, new RunState(pLimit(2)));
    expect(result).toEqual({
      regions: ['us-east-1'],
      error: { name: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' },
    });
  });
});

describe('interrupted collection (Ctrl-C)', () => {
  it('calls not answered before the stop are left out (not collected), so the snapshot is partial and the listings become gaps', async () => {
    const controller = new AbortController();
    ec2.on(DescribeNetworkAclsCommand).callsFake(async () => {
      controller.abort();
      return { NetworkAcls: [] };
    });
    const run = new RunState(pLimit(1), controller.signal);
    const sections = await collectRegional(clients, ACCOUNT, [ec2Collector], ['ap-northeast-1'], run);
    const snapshot = validateSnapshot({
      cloudwarden: 'snapshot/v1',
      ...ACCOUNT,
      collectedAt: '2026-11-22T00:00:00Z',
      partial: true,
      regions: ['ap-northeast-1'],
      ...sections,
    });
    const region = snapshot.ec2?.['ap-northeast-1'] ?? {};
    expect(region.DescribeNetworkAcls).toEqual({ NetworkAcls: [] });
    expect(region.DescribeVpcs).toBeUndefined();
    const gaps = normalise(snapshot).gaps;
    expect(gaps.map((g) => g.reason)).toContain('ec2:DescribeVpcs was not collected in ap-northeast-1');
    expect(run.stats.errors).toBe(0);
  });
});
