import {
  DescribeFlowLogsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { EC2_LISTINGS, EC2_PER_RESOURCE } from './schema.ts';
import { idsIn } from '../change-event.ts';
import { defineService, type KeyedRead } from '../define-service.ts';
import { resourceArn } from '../define-state.ts';
import { nextTokenPages } from '../pagination.ts';

/** Largest page every Describe* call below accepts. */
const PAGE = { MaxResults: 1000 };

/** The own snapshots a DescribeSnapshots answer lists (a listing may name others' snapshots too). */
function ownSnapshotIds(answer: unknown, accountId: string): string[] {
  const snapshots = (answer as { Snapshots?: { SnapshotId?: string; OwnerId?: string }[] } | undefined)?.Snapshots;
  return (snapshots ?? []).flatMap((s) =>
    s.SnapshotId && (s.OwnerId === undefined || s.OwnerId === accountId) ? [s.SnapshotId] : [],
  );
}

/**
 * One EC2 resource read alone (`watch`'s change-triggered rescans): the Describe call with its id list (which EC2
 * does not accept with MaxResults), the id read from the event wherever CloudTrail put it.
 */
function keyedEc2(
  kind: string,
  listing: string,
  ids: string,
  arnType: string,
  fields: readonly string[],
  pattern: RegExp,
  notFound: string,
  deletedBy: string,
): KeyedRead {
  const arn = resourceArn('ec2', arnType);
  return {
    kind,
    keys: (event) => idsIn(event, fields, pattern),
    narrow: { [listing]: (key) => ({ [ids]: [key] }) },
    notFound: [notFound],
    arn: (key, context) => arn({ ...context, id: key }),
    deletedBy: [deletedBy],
  };
}

/** EC2/VPC evidence of one region (see docs/snapshot.md, section ec2). */
export default defineService({
  name: 'ec2',
  title: 'Amazon EC2 and VPC',
  scope: 'regional',
  client: EC2Client,
  operations: {
    DescribeNetworkAcls: {
      command: DescribeNetworkAclsCommand,
      input: () => PAGE,
      pages: nextTokenPages('NetworkAcls'),
      response: EC2_LISTINGS.DescribeNetworkAcls,
      iam: ['ec2:DescribeNetworkAcls'],
    },
    DescribeSecurityGroups: {
      command: DescribeSecurityGroupsCommand,
      input: () => PAGE,
      pages: nextTokenPages('SecurityGroups'),
      response: EC2_LISTINGS.DescribeSecurityGroups,
      iam: ['ec2:DescribeSecurityGroups'],
    },
    DescribeInstances: {
      command: DescribeInstancesCommand,
      input: () => PAGE,
      pages: nextTokenPages('Reservations'),
      response: EC2_LISTINGS.DescribeInstances,
      iam: ['ec2:DescribeInstances'],
    },
    DescribeVpcs: {
      command: DescribeVpcsCommand,
      input: () => PAGE,
      pages: nextTokenPages('Vpcs'),
      response: EC2_LISTINGS.DescribeVpcs,
      iam: ['ec2:DescribeVpcs'],
    },
    // Routes to VPC peering connections (CIS 5.5 v3.0, 5.6 v5.0); DescribeRouteTables pages hold at most 100.
    DescribeRouteTables: {
      command: DescribeRouteTablesCommand,
      input: () => ({ MaxResults: 100 }),
      pages: nextTokenPages('RouteTables'),
      response: EC2_LISTINGS.DescribeRouteTables,
      iam: ['ec2:DescribeRouteTables'],
    },
    // The CIDRs on both sides of each peering, to tell a route to a whole peer VPC from a route to a subnet.
    DescribeVpcPeeringConnections: {
      command: DescribeVpcPeeringConnectionsCommand,
      input: () => PAGE,
      pages: nextTokenPages('VpcPeeringConnections'),
      response: EC2_LISTINGS.DescribeVpcPeeringConnections,
      iam: ['ec2:DescribeVpcPeeringConnections'],
    },
    DescribeFlowLogs: {
      command: DescribeFlowLogsCommand,
      input: () => PAGE,
      pages: nextTokenPages('FlowLogs'),
      response: EC2_LISTINGS.DescribeFlowLogs,
      iam: ['ec2:DescribeFlowLogs'],
    },
    DescribeImages: {
      command: DescribeImagesCommand,
      input: () => ({ Owners: ['self'], ...PAGE }),
      pages: nextTokenPages('Images'),
      response: EC2_LISTINGS.DescribeImages,
      iam: ['ec2:DescribeImages'],
    },
    DescribeSnapshots: {
      command: DescribeSnapshotsCommand,
      input: () => ({ OwnerIds: ['self'], ...PAGE }),
      pages: nextTokenPages('Snapshots'),
      response: EC2_LISTINGS.DescribeSnapshots,
      iam: ['ec2:DescribeSnapshots'],
    },
    // The own snapshots anyone may restore, in one listing per region: it decides public-ness for every snapshot at
    // once, where DescribeSnapshotAttribute is one call per snapshot.
    DescribeSnapshotsRestorableByAll: {
      command: DescribeSnapshotsCommand,
      input: () => ({ OwnerIds: ['self'], RestorableByUserIds: ['all'], ...PAGE }),
      pages: nextTokenPages('Snapshots'),
      response: EC2_LISTINGS.DescribeSnapshots,
      iam: ['ec2:DescribeSnapshots'],
    },
    DescribeVolumes: {
      command: DescribeVolumesCommand,
      input: () => PAGE,
      pages: nextTokenPages('Volumes'),
      response: EC2_LISTINGS.DescribeVolumes,
      iam: ['ec2:DescribeVolumes'],
    },
    GetEbsEncryptionByDefault: {
      command: GetEbsEncryptionByDefaultCommand,
      response: EC2_LISTINGS.GetEbsEncryptionByDefault,
      iam: ['ec2:GetEbsEncryptionByDefault'],
    },
    GetInstanceMetadataDefaults: {
      command: GetInstanceMetadataDefaultsCommand,
      response: EC2_LISTINGS.GetInstanceMetadataDefaults,
      iam: ['ec2:GetInstanceMetadataDefaults'],
    },
    // Only when the public listing failed: then each own snapshot is asked, without a cap (the shared limiter paces
    // the calls), so a large account still gets a verdict per snapshot.
    DescribeSnapshotAttribute: {
      command: DescribeSnapshotAttributeCommand,
      perResource: {
        after: ['DescribeSnapshots', 'DescribeSnapshotsRestorableByAll'],
        targets: (answers, { accountId }) =>
          'Snapshots' in ((answers.DescribeSnapshotsRestorableByAll as object | undefined) ?? {})
            ? []
            : ownSnapshotIds(answers.DescribeSnapshots, accountId).map((id) => ({
                key: id,
                input: { SnapshotId: id, Attribute: 'createVolumePermission' },
              })),
      },
      response: EC2_PER_RESOURCE.DescribeSnapshotAttribute,
      iam: ['ec2:DescribeSnapshotAttribute'],
    },
  },
  keyed: [
    keyedEc2(
      'ec2-security-group',
      'DescribeSecurityGroups',
      'GroupIds',
      'security-group',
      ['groupId'],
      /^sg-[0-9a-f]+$/,
      'InvalidGroup.NotFound',
      'DeleteSecurityGroup',
    ),
    keyedEc2(
      'ec2-instance',
      'DescribeInstances',
      'InstanceIds',
      'instance',
      ['instanceId'],
      /^i-[0-9a-f]+$/,
      'InvalidInstanceID.NotFound',
      'TerminateInstances',
    ),
    keyedEc2(
      'ec2-network-acl',
      'DescribeNetworkAcls',
      'NetworkAclIds',
      'network-acl',
      ['networkAclId'],
      /^acl-[0-9a-f]+$/,
      'InvalidNetworkAclID.NotFound',
      'DeleteNetworkAcl',
    ),
    keyedEc2(
      'ec2-volume',
      'DescribeVolumes',
      'VolumeIds',
      'volume',
      ['volumeId'],
      /^vol-[0-9a-f]+$/,
      'InvalidVolume.NotFound',
      'DeleteVolume',
    ),
  ],
});
