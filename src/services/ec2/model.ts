import type { Observed } from '../../model/observed.ts';

/** Fields every EC2/VPC resource carries (ARN `arn:<partition>:ec2:<region>:<account>:<type>/<id>`). */
interface Ec2ResourceBase {
  arn: string;
  region: string;
  accountId: string;
  id: string;
  tags: Record<string, string>;
}

/** A port range of a rule; `undefined` bounds mean every port (protocol -1, or a rule without ports). */
export interface PortRange {
  from: number;
  to: number;
}

export interface NetworkAclEntry {
  ruleNumber: number;
  /** IANA protocol number as text (`6` tcp, `17` udp, `-1` all), as AWS returns it */
  protocol: string;
  action: 'allow' | 'deny';
  egress: boolean;
  cidrBlock?: string;
  ipv6CidrBlock?: string;
  /** absent for protocol -1 (all traffic) */
  portRange?: PortRange;
}

export interface Ec2NetworkAcl extends Ec2ResourceBase {
  kind: 'ec2-network-acl';
  vpcId?: string;
  isDefault: boolean;
  entries: NetworkAclEntry[];
}

export interface SecurityGroupRule {
  /** `tcp`, `udp`, `icmp`, `-1` (all) or a protocol number */
  protocol: string;
  /** absent when the rule covers every port */
  portRange?: PortRange;
  ipv4Ranges: string[];
  ipv6Ranges: string[];
  /** security groups and prefix lists the rule admits (never "the internet") */
  sourceGroups: string[];
  prefixLists: string[];
}

export interface Ec2SecurityGroup extends Ec2ResourceBase {
  kind: 'ec2-security-group';
  name: string;
  vpcId?: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
}

export interface Ec2Instance extends Ec2ResourceBase {
  kind: 'ec2-instance';
  /** `pending`, `running`, `stopped`, … */
  state?: string;
  /** `required` means IMDSv2 only; `optional` (or absent) still answers IMDSv1 */
  httpTokens?: string;
  /** `disabled` turns the metadata service off entirely */
  httpEndpoint?: string;
  securityGroupIds: string[];
  instanceProfileArn?: string;
  publicIp?: string;
  /** the ENIs attached (NetworkInterfaces); undefined when the answer did not list them */
  networkInterfaceIds?: string[];
}

export interface Ec2Vpc extends Ec2ResourceBase {
  kind: 'ec2-vpc';
  isDefault: boolean;
  /** the region's DescribeFlowLogs, filtered to this VPC */
  flowLogs: Observed<FlowLog[]>;
}

export interface FlowLog {
  id?: string;
  status?: string;
  trafficType?: string;
  destinationType?: string;
}

/** A route whose target is a VPC peering connection. */
export interface PeeringRoute {
  /** IPv4 or IPv6 CIDR, or a prefix list id (`pl-…`) */
  destination: string;
  peeringId: string;
  /** the CIDR blocks of the VPC on the other side of the peering (DescribeVpcPeeringConnections) */
  peerCidrs: Observed<string[]>;
}

export interface Ec2RouteTable extends Ec2ResourceBase {
  kind: 'ec2-route-table';
  vpcId?: string;
  peeringRoutes: PeeringRoute[];
}

export interface Ec2Image extends Ec2ResourceBase {
  kind: 'ec2-image';
  name?: string;
  isPublic: boolean;
}

export interface Ec2Snapshot extends Ec2ResourceBase {
  kind: 'ec2-snapshot';
  encrypted: boolean;
  /**
   * Whether anyone may restore it: listed by DescribeSnapshots `RestorableByUserIds: all`, or (when that listing
   * failed, and in older snapshots) group `all` in DescribeSnapshotAttribute createVolumePermission, which also
   * names the accounts it is shared with.
   */
  publicRestore: Observed<{ isPublic: boolean; sharedWith?: string[] }>;
}

/** An EBS volume (ARN `arn:<partition>:ec2:<region>:<account>:volume/<id>`). */
export interface Ec2Volume extends Ec2ResourceBase {
  kind: 'ec2-volume';
  encrypted: boolean;
  kmsKeyId: string | undefined;
  /** `in-use` when attached */
  state: string | undefined;
  /** instances it is attached to */
  attachedTo: string[];
}

/** Settings of a whole region of the account. */
export interface Ec2RegionSettings {
  ebsEncryptionByDefault: Observed<boolean>;
  /** account-level instance metadata defaults; `httpTokens` undefined means "no preference" (AMI/launch decides) */
  instanceMetadataDefaults: Observed<{ httpTokens?: string; httpEndpoint?: string }>;
  /** how each listing call of the region went (keyed by operation name), for checks that read across resources */
  listings: Record<string, Observed<true>>;
}

export interface Ec2State {
  networkAcls: Ec2NetworkAcl[];
  securityGroups: Ec2SecurityGroup[];
  instances: Ec2Instance[];
  vpcs: Ec2Vpc[];
  routeTables: Ec2RouteTable[];
  images: Ec2Image[];
  snapshots: Ec2Snapshot[];
  volumes: Ec2Volume[];
  /** keyed by region name; a region missing here was not collected */
  regions: Record<string, Ec2RegionSettings>;
}

export type Ec2Resource =
  Ec2NetworkAcl | Ec2SecurityGroup | Ec2Instance | Ec2Vpc | Ec2RouteTable | Ec2Image | Ec2Snapshot;
