import type { Ec2RegionEntry } from '../../src/model/ec2-schema.ts';
import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import { ACCOUNT_ID } from './snapshot-builders.ts';

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
  return {
    cloudwarden: 'snapshot/v1',
    accountId: ACCOUNT_ID,
    partition: 'aws',
    collectedAt: '2026-11-22T00:00:00Z',
    regions: Object.keys(regions),
    ec2: regions,
  };
}

export function ingress(RuleNumber: number, RuleAction: 'allow' | 'deny', cidr: string, Protocol = '-1', ports?: [number, number]): AclEntry {
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
