import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

const tag = z.looseObject({ Key: z.string().optional(), Value: z.string().optional() });

const networkAclEntry = z.looseObject({
  RuleNumber: z.number().optional(),
  Protocol: z.string().optional(),
  RuleAction: z.string().optional(),
  Egress: z.boolean().optional(),
  CidrBlock: z.string().optional(),
  Ipv6CidrBlock: z.string().optional(),
  PortRange: z.looseObject({ From: z.number().optional(), To: z.number().optional() }).optional(),
});

const ipPermission = z.looseObject({
  IpProtocol: z.string().optional(),
  FromPort: z.number().optional(),
  ToPort: z.number().optional(),
  IpRanges: z.array(z.looseObject({ CidrIp: z.string().optional() })).optional(),
  Ipv6Ranges: z.array(z.looseObject({ CidrIpv6: z.string().optional() })).optional(),
  UserIdGroupPairs: z.array(z.looseObject({ GroupId: z.string().optional() })).optional(),
  PrefixListIds: z.array(z.looseObject({ PrefixListId: z.string().optional() })).optional(),
});

const instance = z.looseObject({
  InstanceId: z.string(),
  State: z.looseObject({ Name: z.string().optional() }).optional(),
  MetadataOptions: z
    .looseObject({
      HttpTokens: z.string().optional(),
      HttpEndpoint: z.string().optional(),
      State: z.string().optional(),
    })
    .optional(),
  SecurityGroups: z
    .array(z.looseObject({ GroupId: z.string().optional(), GroupName: z.string().optional() }))
    .optional(),
  IamInstanceProfile: z.looseObject({ Arn: z.string().optional(), Id: z.string().optional() }).optional(),
  PublicIpAddress: z.string().optional(),
  NetworkInterfaces: z
    .array(z.looseObject({ NetworkInterfaceId: z.string().optional(), InterfaceType: z.string().optional() }))
    .optional(),
  Tags: z.array(tag).optional(),
});

/** One side of a VPC peering connection: its VPC and that VPC's CIDR blocks (IPv4 and IPv6). */
const peeringVpcInfo = z.looseObject({
  VpcId: z.string().optional(),
  OwnerId: z.string().optional(),
  Region: z.string().optional(),
  CidrBlock: z.string().optional(),
  CidrBlockSet: z.array(z.looseObject({ CidrBlock: z.string().optional() })).optional(),
  Ipv6CidrBlockSet: z.array(z.looseObject({ Ipv6CidrBlock: z.string().optional() })).optional(),
});

/** One DescribeSnapshots answer (every page's `Snapshots`), own snapshots asked with `OwnerIds: self`. */
const snapshotListing = z.looseObject({
  Snapshots: z.array(
    z.looseObject({
      SnapshotId: z.string(),
      VolumeId: z.string().optional(),
      Encrypted: z.boolean().optional(),
      OwnerId: z.string().optional(),
    }),
  ),
});

/** EC2/VPC operations answered once per region (paginated ones hold every page's items in one response). */
export const EC2_LISTINGS = {
  DescribeNetworkAcls: z.looseObject({
    NetworkAcls: z.array(
      z.looseObject({
        NetworkAclId: z.string(),
        VpcId: z.string().optional(),
        IsDefault: z.boolean().optional(),
        OwnerId: z.string().optional(),
        Entries: z.array(networkAclEntry).optional(),
        Tags: z.array(tag).optional(),
      }),
    ),
  }),
  DescribeSecurityGroups: z.looseObject({
    SecurityGroups: z.array(
      z.looseObject({
        GroupId: z.string(),
        GroupName: z.string().optional(),
        VpcId: z.string().optional(),
        OwnerId: z.string().optional(),
        IpPermissions: z.array(ipPermission).optional(),
        IpPermissionsEgress: z.array(ipPermission).optional(),
        Tags: z.array(tag).optional(),
      }),
    ),
  }),
  DescribeInstances: z.looseObject({
    Reservations: z.array(z.looseObject({ Instances: z.array(instance).optional(), OwnerId: z.string().optional() })),
  }),
  DescribeVpcs: z.looseObject({
    Vpcs: z.array(
      z.looseObject({
        VpcId: z.string(),
        IsDefault: z.boolean().optional(),
        CidrBlock: z.string().optional(),
        Tags: z.array(tag).optional(),
      }),
    ),
  }),
  DescribeRouteTables: z.looseObject({
    RouteTables: z.array(
      z.looseObject({
        RouteTableId: z.string(),
        VpcId: z.string().optional(),
        Routes: z
          .array(
            z.looseObject({
              DestinationCidrBlock: z.string().optional(),
              DestinationIpv6CidrBlock: z.string().optional(),
              DestinationPrefixListId: z.string().optional(),
              VpcPeeringConnectionId: z.string().optional(),
              State: z.string().optional(),
            }),
          )
          .optional(),
        Tags: z.array(tag).optional(),
      }),
    ),
  }),
  DescribeVpcPeeringConnections: z.looseObject({
    VpcPeeringConnections: z.array(
      z.looseObject({
        VpcPeeringConnectionId: z.string(),
        AccepterVpcInfo: peeringVpcInfo.optional(),
        RequesterVpcInfo: peeringVpcInfo.optional(),
        Status: z.looseObject({ Code: z.string().optional() }).optional(),
      }),
    ),
  }),
  DescribeFlowLogs: z.looseObject({
    FlowLogs: z.array(
      z.looseObject({
        FlowLogId: z.string().optional(),
        ResourceId: z.string().optional(),
        FlowLogStatus: z.string().optional(),
        TrafficType: z.string().optional(),
        LogDestinationType: z.string().optional(),
      }),
    ),
  }),
  DescribeImages: z.looseObject({
    Images: z.array(
      z.looseObject({
        ImageId: z.string(),
        Name: z.string().optional(),
        Public: z.boolean().optional(),
        OwnerId: z.string().optional(),
      }),
    ),
  }),
  DescribeSnapshots: snapshotListing,
  /** DescribeSnapshots with `RestorableByUserIds: ['all']`: the own snapshots anyone may restore */
  DescribeSnapshotsRestorableByAll: snapshotListing,
  DescribeVolumes: z.looseObject({
    Volumes: z.array(
      z.looseObject({
        VolumeId: z.string(),
        Encrypted: z.boolean().optional(),
        KmsKeyId: z.string().optional(),
        State: z.string().optional(),
        Attachments: z
          .array(z.looseObject({ InstanceId: z.string().optional(), State: z.string().optional() }))
          .optional(),
        Tags: z.array(z.looseObject({ Key: z.string().optional(), Value: z.string().optional() })).optional(),
      }),
    ),
  }),
  GetEbsEncryptionByDefault: z.looseObject({
    EbsEncryptionByDefault: z.boolean().optional(),
    SseType: z.string().optional(),
  }),
  GetInstanceMetadataDefaults: z.looseObject({
    AccountLevel: z
      .looseObject({
        HttpTokens: z.string().optional(),
        HttpEndpoint: z.string().optional(),
        HttpPutResponseHopLimit: z.number().optional(),
      })
      .optional(),
  }),
} as const;

/** EC2 calls made per resource, keyed in the snapshot by the resource id. */
export const EC2_PER_RESOURCE = {
  /** `Attribute: createVolumePermission`, keyed by snapshot id */
  DescribeSnapshotAttribute: z.looseObject({
    SnapshotId: z.string().optional(),
    CreateVolumePermissions: z
      .array(z.looseObject({ Group: z.string().optional(), UserId: z.string().optional() }))
      .optional(),
  }),
} as const;

/** The snapshot section (`snapshot.ec2`), in the generated snapshot schema. */
export const section = regionalSection(EC2_LISTINGS, EC2_PER_RESOURCE);
export type Ec2Section = z.infer<typeof section>;
export type Ec2RegionEntry = Ec2Section[string];
export type Ec2Listing = keyof typeof EC2_LISTINGS;
