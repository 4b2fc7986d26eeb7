import type { Ec2RegionEntry } from '../../src/services/ec2/schema.ts';
import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import { ACCOUNT_ID, awsError } from './snapshot-builders.ts';
import { snapshotOf } from './service-snapshot.ts';

export const REGION = 'ap-northeast-1';

type AclEntry = {
  RuleNumber: number;
  Protocol: string;
  RuleAction: 'allow' | 'deny';
  Egress: boolean;
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  PortRange?: { From: number; To: number };
};

/** A snapshot holding only an EC2 section, each region's responses shaped like the SDK's DescribeX outputs. */
export function ec2Snapshot(regions: Record<string, Ec2RegionEntry>): Snapshot {
  return snapshotOf({ ec2: regions }, Object.keys(regions));
}

export function ingress(
  RuleNumber: number,
  RuleAction: 'allow' | 'deny',
  cidr: string,
  Protocol = '-1',
  ports?: [number, number],
): AclEntry {
  return {
    RuleNumber,
    Protocol,
    RuleAction,
    Egress: false,
    ...(cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr }),
    ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
  };
}

export function egress(RuleNumber: number, RuleAction: 'allow' | 'deny', cidr: string): AclEntry {
  return { ...ingress(RuleNumber, RuleAction, cidr), Egress: true };
}

/** The entries AWS gives a new default network ACL: allow everything in and out, then the `*` deny (32767). */
export const DEFAULT_ACL_ENTRIES: AclEntry[] = [
  egress(100, 'allow', '0.0.0.0/0'),
  egress(32767, 'deny', '0.0.0.0/0'),
  ingress(100, 'allow', '0.0.0.0/0'),
  ingress(32767, 'deny', '0.0.0.0/0'),
];

export function networkAcl(NetworkAclId: string, Entries: AclEntry[], IsDefault = false) {
  return {
    Associations: [],
    Entries,
    IsDefault,
    NetworkAclId,
    Tags: [],
    VpcId: 'vpc-0a1b2c3d4e5f60718',
    OwnerId: ACCOUNT_ID,
  };
}

/** A network ACL that only lets HTTPS in from the internet and SSH from an office range. */
export function hardenedNetworkAcl(NetworkAclId = 'acl-0123456789abcdef0') {
  return networkAcl(NetworkAclId, [
    egress(100, 'allow', '0.0.0.0/0'),
    egress(32767, 'deny', '0.0.0.0/0'),
    ingress(100, 'allow', '203.0.113.0/24', '6', [22, 22]),
    ingress(200, 'allow', '0.0.0.0/0', '6', [443, 443]),
    ingress(32767, 'deny', '0.0.0.0/0'),
  ]);
}

type Permission = {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp: string; Description?: string }[];
  Ipv6Ranges?: { CidrIpv6: string }[];
  UserIdGroupPairs?: { GroupId: string; UserId: string }[];
  PrefixListIds?: { PrefixListId: string }[];
};

/** An IpPermission as DescribeSecurityGroups returns it (`-1` protocol carries no ports). */
export function permission(protocol: string, ports: [number, number] | undefined, ...cidrs: string[]): Permission {
  return {
    IpProtocol: protocol,
    ...(ports ? { FromPort: ports[0], ToPort: ports[1] } : {}),
    IpRanges: cidrs.filter((c) => !c.includes(':')).map((CidrIp) => ({ CidrIp })),
    Ipv6Ranges: cidrs.filter((c) => c.includes(':')).map((CidrIpv6) => ({ CidrIpv6 })),
    UserIdGroupPairs: [],
    PrefixListIds: [],
  };
}

export function securityGroup(
  GroupId: string,
  IpPermissions: Permission[],
  extra: { GroupName?: string; IpPermissionsEgress?: Permission[] } = {},
) {
  return {
    Description: 'managed by terraform',
    GroupName: extra.GroupName ?? `web-${GroupId}`,
    IpPermissions,
    OwnerId: ACCOUNT_ID,
    GroupId,
    IpPermissionsEgress: extra.IpPermissionsEgress ?? [permission('-1', undefined, '0.0.0.0/0')],
    VpcId: 'vpc-0a1b2c3d4e5f60718',
    SecurityGroupArn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:security-group/${GroupId}`,
  };
}

/** A running instance as DescribeInstances returns it inside a reservation. */
export function instance(
  InstanceId: string,
  options: {
    HttpTokens?: string;
    HttpEndpoint?: string;
    groups?: string[];
    profile?: string;
    /** the ENIs attached (default: one primary ENI, private address only) */
    enis?: string[];
    publicIp?: string;
  } = {},
) {
  return {
    InstanceId,
    ImageId: 'ami-0abcdef1234567890',
    InstanceType: 't3.micro',
    State: { Code: 16, Name: 'running' },
    MetadataOptions: {
      State: 'applied',
      HttpTokens: options.HttpTokens ?? 'required',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: options.HttpEndpoint ?? 'enabled',
    },
    SecurityGroups: (options.groups ?? []).map((GroupId) => ({ GroupId, GroupName: `web-${GroupId}` })),
    ...(options.profile ? { IamInstanceProfile: { Arn: options.profile, Id: 'AIPAEXAMPLE' } } : {}),
    PrivateIpAddress: '10.0.1.25',
    ...(options.publicIp ? { PublicIpAddress: options.publicIp } : {}),
    NetworkInterfaces: (options.enis ?? ['eni-0a1b2c3d4e5f60001']).map((NetworkInterfaceId, DeviceIndex) => ({
      NetworkInterfaceId,
      InterfaceType: 'interface',
      Attachment: { DeviceIndex, Status: 'attached' },
      PrivateIpAddress: `10.0.1.${25 + DeviceIndex}`,
      ...(DeviceIndex === 0 && options.publicIp ? { Association: { PublicIp: options.publicIp } } : {}),
    })),
    Tags: [{ Key: 'Name', Value: 'web' }],
  };
}

export function reservations(...instances: ReturnType<typeof instance>[]) {
  return {
    Reservations: [{ ReservationId: 'r-0123456789abcdef0', OwnerId: ACCOUNT_ID, Groups: [], Instances: instances }],
  };
}

/** The unknown case every instance check shares: DescribeInstances denied hides the region's instances. */
export function instancesDeniedCase() {
  return {
    name: 'DescribeInstances denied',
    snapshot: ec2Snapshot({
      [REGION]: {
        DescribeInstances: awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.'),
      },
    }),
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:instance/*`,
    message: 'UnauthorizedOperation on ec2:DescribeInstances',
  };
}
