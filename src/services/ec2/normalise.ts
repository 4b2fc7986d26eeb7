import type { Gap } from '../../model/resource.ts';
import type {
  Ec2Image,
  Ec2Instance,
  Ec2NetworkAcl,
  Ec2RegionSettings,
  Ec2RouteTable,
  Ec2SecurityGroup,
  Ec2Snapshot,
  Ec2State,
  Ec2Volume,
  Ec2Vpc,
  FlowLog,
  PeeringRoute,
  PortRange,
  SecurityGroupRule,
} from './model.ts';
import type { NormaliseContext } from '../define-state.ts';
import type { Ec2RegionEntry, Ec2Section } from './schema.ts';
import { appendAll, listing, regionsOf, tagRecord } from '../../model/normalise-regional.ts';
import { observe, type Observed } from '../../model/observed.ts';

type IpPermission = NonNullable<
  Extract<
    NonNullable<Ec2RegionEntry['DescribeSecurityGroups']>,
    { SecurityGroups: unknown }
  >['SecurityGroups'][number]['IpPermissions']
>[number];

function rulesOf(permissions: readonly IpPermission[] | undefined): SecurityGroupRule[] {
  return (permissions ?? []).map((p) => {
    const protocol = p.IpProtocol ?? '-1';
    // AWS reports FromPort/ToPort -1 (or nothing) when a rule covers every port of the protocol.
    const everyPort = protocol === '-1' || p.FromPort === undefined || p.FromPort === -1;
    const portRange: PortRange | undefined = everyPort
      ? undefined
      : { from: p.FromPort as number, to: p.ToPort ?? (p.FromPort as number) };
    return {
      protocol,
      ...(portRange ? { portRange } : {}),
      ipv4Ranges: (p.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [r.CidrIp] : [])),
      ipv6Ranges: (p.Ipv6Ranges ?? []).flatMap((r) => (r.CidrIpv6 ? [r.CidrIpv6] : [])),
      sourceGroups: (p.UserIdGroupPairs ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
      prefixLists: (p.PrefixListIds ?? []).flatMap((g) => (g.PrefixListId ? [g.PrefixListId] : [])),
    };
  });
}

/** A peering a route names that DescribeVpcPeeringConnections does not list (deleted since, or in another region). */
function notListed(peeringId: string): Observed<string[]> {
  return {
    kind: 'error',
    operation: 'ec2:DescribeVpcPeeringConnections',
    error: { name: 'PeeringNotListed', message: `${peeringId} is not in DescribeVpcPeeringConnections` },
  };
}

/**
 * The `ec2` section of a snapshot as the typed model, plus a gap for every listing that failed or was not
 * collected in a region (so the checks of what it hides say `unknown`).
 */
/** A resource the listing names as the account's own (an answer without `OwnerId` was asked for own ones only). */
function isOwn(ownerId: string | undefined, accountId: string): boolean {
  return ownerId === undefined || ownerId === accountId;
}

/**
 * Whether each own snapshot of a region is public: the `RestorableByUserIds: all` listing answers for all of them;
 * when it failed or is absent (older snapshots), the snapshot's own createVolumePermission attribute, if asked.
 */
function snapshotPublicRestore(
  entry: Ec2RegionEntry,
  accountId: string,
): (snapshotId: string) => Ec2Snapshot['publicRestore'] {
  const listed = observe(entry.DescribeSnapshotsRestorableByAll, 'ec2:DescribeSnapshotsRestorableByAll', [], (r) =>
    r.Snapshots.flatMap((s) => (isOwn(s.OwnerId, accountId) ? [s.SnapshotId] : [])),
  );
  const publicIds = new Set(listed.kind === 'present' ? listed.value : []);
  const attributes = entry.DescribeSnapshotAttribute ?? {};
  return (snapshotId) => {
    if (listed.kind === 'present') return { kind: 'present', value: { isPublic: publicIds.has(snapshotId) } };
    const attribute = attributes[snapshotId];
    if (attribute === undefined)
      return listed.kind === 'error' ? listed : { kind: 'missing', operation: 'ec2:DescribeSnapshotsRestorableByAll' };
    return observe(attribute, 'ec2:DescribeSnapshotAttribute', [], (a) => {
      const permissions = a.CreateVolumePermissions ?? [];
      return {
        isPublic: permissions.some((p) => p.Group === 'all'),
        sharedWith: permissions.flatMap((p) => (p.UserId ? [p.UserId] : [])),
      };
    });
  };
}

export function normaliseEc2(section: Ec2Section, context: NormaliseContext): { ec2: Ec2State; gaps: Gap[] } {
  const { accountId } = context;
  const gaps: Gap[] = [];
  const state: Ec2State = {
    networkAcls: [],
    securityGroups: [],
    instances: [],
    vpcs: [],
    routeTables: [],
    images: [],
    snapshots: [],
    volumes: [],
    regions: {},
  };

  for (const region of regionsOf(section, context.regions)) {
    const entry: Ec2RegionEntry = section[region] ?? {};
    const base = (kind: string, id: string, tags: Record<string, string>) => ({
      arn: context.arn(kind, region, id),
      region,
      accountId,
      id,
      tags,
    });
    const where = (operation: string) => ({ operation: `ec2:${operation}`, region });
    const listings: Record<string, Observed<true>> = {};

    const acls = listing(
      entry.DescribeNetworkAcls,
      where('DescribeNetworkAcls'),
      [context.hidden('ec2-network-acl', region)],
      gaps,
      (r) =>
        r.NetworkAcls.map((acl): Ec2NetworkAcl => ({
          kind: 'ec2-network-acl',
          ...base('ec2-network-acl', acl.NetworkAclId, tagRecord(acl.Tags)),
          ...(acl.VpcId ? { vpcId: acl.VpcId } : {}),
          isDefault: acl.IsDefault === true,
          entries: (acl.Entries ?? []).map((e) => ({
            ruleNumber: e.RuleNumber ?? 0,
            protocol: e.Protocol ?? '-1',
            action: e.RuleAction === 'deny' ? 'deny' : 'allow',
            egress: e.Egress === true,
            ...(e.CidrBlock ? { cidrBlock: e.CidrBlock } : {}),
            ...(e.Ipv6CidrBlock ? { ipv6CidrBlock: e.Ipv6CidrBlock } : {}),
            ...(e.PortRange?.From !== undefined
              ? { portRange: { from: e.PortRange.From, to: e.PortRange.To ?? e.PortRange.From } }
              : {}),
          })),
        })),
    );
    listings.DescribeNetworkAcls = acls.observed;
    appendAll(state.networkAcls, acls.items);

    const groups = listing(
      entry.DescribeSecurityGroups,
      where('DescribeSecurityGroups'),
      [context.hidden('ec2-security-group', region)],
      gaps,
      (r) =>
        r.SecurityGroups.map((sg): Ec2SecurityGroup => ({
          kind: 'ec2-security-group',
          ...base('ec2-security-group', sg.GroupId, tagRecord(sg.Tags)),
          name: sg.GroupName ?? sg.GroupId,
          ...(sg.VpcId ? { vpcId: sg.VpcId } : {}),
          ingress: rulesOf(sg.IpPermissions),
          egress: rulesOf(sg.IpPermissionsEgress),
        })),
    );
    listings.DescribeSecurityGroups = groups.observed;
    appendAll(state.securityGroups, groups.items);

    const instances = listing(
      entry.DescribeInstances,
      where('DescribeInstances'),
      [context.hidden('ec2-instance', region)],
      gaps,
      (r) =>
        r.Reservations.flatMap((reservation) => reservation.Instances ?? []).map((i): Ec2Instance => ({
          kind: 'ec2-instance',
          ...base('ec2-instance', i.InstanceId, tagRecord(i.Tags)),
          ...(i.State?.Name ? { state: i.State.Name } : {}),
          ...(i.MetadataOptions?.HttpTokens ? { httpTokens: i.MetadataOptions.HttpTokens } : {}),
          ...(i.MetadataOptions?.HttpEndpoint ? { httpEndpoint: i.MetadataOptions.HttpEndpoint } : {}),
          securityGroupIds: (i.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
          ...(i.IamInstanceProfile?.Arn ? { instanceProfileArn: i.IamInstanceProfile.Arn } : {}),
          ...(i.PublicIpAddress ? { publicIp: i.PublicIpAddress } : {}),
          ...(i.NetworkInterfaces
            ? { networkInterfaceIds: i.NetworkInterfaces.map((n) => n.NetworkInterfaceId ?? 'unnamed') }
            : {}),
        })),
    );
    listings.DescribeInstances = instances.observed;
    appendAll(state.instances, instances.items);

    const flowLogs = observe(entry.DescribeFlowLogs, 'ec2:DescribeFlowLogs', [], (r) => r.FlowLogs);
    const vpcs = listing(entry.DescribeVpcs, where('DescribeVpcs'), [context.hidden('ec2-vpc', region)], gaps, (r) =>
      r.Vpcs.map((vpc): Ec2Vpc => ({
        kind: 'ec2-vpc',
        ...base('ec2-vpc', vpc.VpcId, tagRecord(vpc.Tags)),
        isDefault: vpc.IsDefault === true,
        flowLogs:
          flowLogs.kind === 'present'
            ? {
                kind: 'present',
                value: flowLogs.value
                  .filter((f) => f.ResourceId === vpc.VpcId)
                  .map((f): FlowLog => ({
                    id: f.FlowLogId,
                    status: f.FlowLogStatus,
                    trafficType: f.TrafficType,
                    destinationType: f.LogDestinationType,
                  })),
              }
            : flowLogs,
      })),
    );
    listings.DescribeVpcs = vpcs.observed;
    appendAll(state.vpcs, vpcs.items);

    const peerings = observe(
      entry.DescribeVpcPeeringConnections,
      'ec2:DescribeVpcPeeringConnections',
      [],
      (r) => new Map(r.VpcPeeringConnections.map((p) => [p.VpcPeeringConnectionId, p])),
    );
    // the CIDRs of the side of the peering that is not the route table's own VPC
    const peerCidrs = (peeringId: string, ownVpc: string | undefined): PeeringRoute['peerCidrs'] => {
      if (peerings.kind !== 'present') return peerings.kind === 'absent' ? notListed(peeringId) : peerings;
      const peering = peerings.value.get(peeringId);
      if (!peering) return notListed(peeringId);
      const other = peering.RequesterVpcInfo?.VpcId === ownVpc ? peering.AccepterVpcInfo : peering.RequesterVpcInfo;
      const cidrs = [
        ...(other?.CidrBlock ? [other.CidrBlock] : []),
        ...(other?.CidrBlockSet ?? []).flatMap((c) => (c.CidrBlock ? [c.CidrBlock] : [])),
        ...(other?.Ipv6CidrBlockSet ?? []).flatMap((c) => (c.Ipv6CidrBlock ? [c.Ipv6CidrBlock] : [])),
      ];
      return { kind: 'present', value: [...new Set(cidrs)] };
    };
    const routeTables = listing(
      entry.DescribeRouteTables,
      where('DescribeRouteTables'),
      [context.hidden('ec2-route-table', region)],
      gaps,
      (r) =>
        r.RouteTables.map((table): Ec2RouteTable => ({
          kind: 'ec2-route-table',
          ...base('ec2-route-table', table.RouteTableId, tagRecord(table.Tags)),
          ...(table.VpcId ? { vpcId: table.VpcId } : {}),
          peeringRoutes: (table.Routes ?? []).flatMap((route): PeeringRoute[] => {
            const destination =
              route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? route.DestinationPrefixListId;
            if (!route.VpcPeeringConnectionId || !destination) return [];
            return [
              {
                destination,
                peeringId: route.VpcPeeringConnectionId,
                peerCidrs: peerCidrs(route.VpcPeeringConnectionId, table.VpcId),
              },
            ];
          }),
        })),
    );
    listings.DescribeRouteTables = routeTables.observed;
    listings.DescribeVpcPeeringConnections =
      peerings.kind === 'present' || peerings.kind === 'absent' ? { kind: 'present', value: true } : peerings;
    appendAll(state.routeTables, routeTables.items);

    const images = listing(
      entry.DescribeImages,
      where('DescribeImages'),
      [context.hidden('ec2-image', region)],
      gaps,
      (r) =>
        r.Images.filter((image) => isOwn(image.OwnerId, context.accountId)).map((image): Ec2Image => ({
          kind: 'ec2-image',
          // AMI ARNs carry no account: images are addressed by id alone (the kind's ARN form).
          ...base('ec2-image', image.ImageId, tagRecord(undefined)),
          ...(image.Name ? { name: image.Name } : {}),
          isPublic: image.Public === true,
        })),
    );
    listings.DescribeImages = images.observed;
    appendAll(state.images, images.items);

    const publicRestore = snapshotPublicRestore(entry, context.accountId);
    const snapshots = listing(
      entry.DescribeSnapshots,
      where('DescribeSnapshots'),
      [context.hidden('ec2-snapshot', region)],
      gaps,
      (r) =>
        // only the account's own: a listing may name snapshots others shared with it
        r.Snapshots.filter((snapshot) => isOwn(snapshot.OwnerId, context.accountId)).map((snapshot): Ec2Snapshot => ({
          kind: 'ec2-snapshot',
          ...base('ec2-snapshot', snapshot.SnapshotId, tagRecord(undefined)),
          encrypted: snapshot.Encrypted === true,
          publicRestore: publicRestore(snapshot.SnapshotId),
        })),
    );
    listings.DescribeSnapshots = snapshots.observed;
    appendAll(state.snapshots, snapshots.items);

    const volumes = listing(
      entry.DescribeVolumes,
      where('DescribeVolumes'),
      [context.hidden('ec2-volume', region)],
      gaps,
      (r) =>
        r.Volumes.map((volume): Ec2Volume => ({
          kind: 'ec2-volume',
          ...base('ec2-volume', volume.VolumeId, tagRecord(volume.Tags)),
          encrypted: volume.Encrypted === true,
          kmsKeyId: volume.KmsKeyId,
          state: volume.State,
          attachedTo: (volume.Attachments ?? []).flatMap((a) => (a.InstanceId ? [a.InstanceId] : [])),
        })),
    );
    listings.DescribeVolumes = volumes.observed;
    appendAll(state.volumes, volumes.items);

    const settings: Ec2RegionSettings = {
      ebsEncryptionByDefault: observe(
        entry.GetEbsEncryptionByDefault,
        'ec2:GetEbsEncryptionByDefault',
        [],
        (r) => r.EbsEncryptionByDefault === true,
      ),
      instanceMetadataDefaults: observe(
        entry.GetInstanceMetadataDefaults,
        'ec2:GetInstanceMetadataDefaults',
        [],
        (r) => ({
          ...(r.AccountLevel?.HttpTokens ? { httpTokens: r.AccountLevel.HttpTokens } : {}),
          ...(r.AccountLevel?.HttpEndpoint ? { httpEndpoint: r.AccountLevel.HttpEndpoint } : {}),
        }),
      ),
      listings,
    };
    state.regions[region] = settings;
  }
  return { ec2: state, gaps };
}
