import {
  DescribeFlowLogsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { EC2_LISTINGS, EC2_PER_RESOURCE } from '../model/ec2-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';

/** Largest page every Describe* call below accepts. */
const PAGE = 1000;
/**
 * DescribeSnapshotAttribute is one call per snapshot: accounts with thousands of snapshots would spend the
 * scan on it. Beyond this many per region the attribute is not collected, and those snapshots say `unknown`.
 */
export const MAX_SNAPSHOT_ATTRIBUTE_CALLS = 200;

/** EC2/VPC evidence of one region (see docs/snapshot.md, section ec2). */
export const ec2Collector: RegionalServiceCollector = {
  service: 'ec2',
  async collectRegion(context: RegionContext) {
    const ec2 = context.clients.client(EC2Client, context.region);
    const opts = (abortSignal: AbortSignal) => ({ abortSignal });
    const [
      DescribeNetworkAcls,
      DescribeSecurityGroups,
      DescribeInstances,
      DescribeVpcs,
      DescribeFlowLogs,
      DescribeImages,
      DescribeSnapshots,
      GetEbsEncryptionByDefault,
      GetInstanceMetadataDefaults,
    ] = await Promise.all([
      context.paginate('DescribeNetworkAcls', EC2_LISTINGS.DescribeNetworkAcls, 'NetworkAcls', (NextToken, s) =>
        ec2.send(new DescribeNetworkAclsCommand({ NextToken, MaxResults: PAGE }), opts(s)),
      ),
      context.paginate('DescribeSecurityGroups', EC2_LISTINGS.DescribeSecurityGroups, 'SecurityGroups', (NextToken, s) =>
        ec2.send(new DescribeSecurityGroupsCommand({ NextToken, MaxResults: PAGE }), opts(s)),
      ),
      context.paginate('DescribeInstances', EC2_LISTINGS.DescribeInstances, 'Reservations', (NextToken, s) =>
        ec2.send(new DescribeInstancesCommand({ NextToken, MaxResults: PAGE }), opts(s)),
      ),
      context.paginate('DescribeVpcs', EC2_LISTINGS.DescribeVpcs, 'Vpcs', (NextToken, s) =>
        ec2.send(new DescribeVpcsCommand({ NextToken, MaxResults: PAGE }), opts(s)),
      ),
      context.paginate('DescribeFlowLogs', EC2_LISTINGS.DescribeFlowLogs, 'FlowLogs', (NextToken, s) =>
        ec2.send(new DescribeFlowLogsCommand({ NextToken, MaxResults: PAGE }), opts(s)),
      ),
      context.paginate('DescribeImages', EC2_LISTINGS.DescribeImages, 'Images', (NextToken, s) =>
        ec2.send(new DescribeImagesCommand({ Owners: ['self'], NextToken, MaxResults: PAGE }), opts(s)),
      ),
      context.paginate('DescribeSnapshots', EC2_LISTINGS.DescribeSnapshots, 'Snapshots', (NextToken, s) =>
        ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], NextToken, MaxResults: PAGE }), opts(s)),
      ),
      context.call('GetEbsEncryptionByDefault', EC2_LISTINGS.GetEbsEncryptionByDefault, (s) =>
        ec2.send(new GetEbsEncryptionByDefaultCommand({}), opts(s)),
      ),
      context.call('GetInstanceMetadataDefaults', EC2_LISTINGS.GetInstanceMetadataDefaults, (s) =>
        ec2.send(new GetInstanceMetadataDefaultsCommand({}), opts(s)),
      ),
    ]);

    const snapshotIds = snapshotIdsOf(DescribeSnapshots).slice(0, MAX_SNAPSHOT_ATTRIBUTE_CALLS);
    const attributes = await Promise.all(
      snapshotIds.map(async (SnapshotId) => [
        SnapshotId,
        await context.call('DescribeSnapshotAttribute', EC2_PER_RESOURCE.DescribeSnapshotAttribute, (s) =>
          ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId, Attribute: 'createVolumePermission' }), opts(s)),
        ),
      ] as const),
    );
    const DescribeSnapshotAttribute = Object.fromEntries(attributes.filter(([, answer]) => answer !== undefined));

    return {
      DescribeNetworkAcls,
      DescribeSecurityGroups,
      DescribeInstances,
      DescribeVpcs,
      DescribeFlowLogs,
      DescribeImages,
      DescribeSnapshots,
      GetEbsEncryptionByDefault,
      GetInstanceMetadataDefaults,
      ...(snapshotIds.length > 0 ? { DescribeSnapshotAttribute } : {}),
    };
  },
};

function snapshotIdsOf(listing: unknown): string[] {
  const snapshots = (listing as { Snapshots?: { SnapshotId?: string }[] } | undefined)?.Snapshots ?? [];
  return snapshots.flatMap((s) => (s.SnapshotId ? [s.SnapshotId] : []));
}
