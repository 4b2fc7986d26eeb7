import check from '../../../src/checks/ec2/ec2-vpc-peering-routes-least-access.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, REGION } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const PCX = 'pcx-0a1b2c3d4e5f60718';
const TABLE = `arn:aws:ec2:${REGION}:123456789012:route-table/rtb-0a1b2c3d4e5f60718`;

/** DescribeRouteTables: the app VPC's table with its local route and the given routes to the peering. */
function routeTables(...peeringRoutes: Record<string, string>[]) {
  return {
    RouteTables: [
      {
        Associations: [
          {
            Main: false,
            RouteTableAssociationId: 'rtbassoc-0a1b2c3d4e5f60718',
            RouteTableId: 'rtb-0a1b2c3d4e5f60718',
            SubnetId: 'subnet-0a1b2c3d4e5f60718',
            AssociationState: { State: 'associated' },
          },
        ],
        PropagatingVgws: [],
        RouteTableId: 'rtb-0a1b2c3d4e5f60718',
        Routes: [
          { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
          ...peeringRoutes.map((r) => ({ ...r, VpcPeeringConnectionId: PCX, Origin: 'CreateRoute', State: 'active' })),
        ],
        Tags: [],
        VpcId: 'vpc-0aaa1111bbbb22223',
        OwnerId: '123456789012',
      },
    ],
  };
}

/** DescribeVpcPeeringConnections: app VPC 10.0.0.0/16 (requester) peered with db VPC 10.1.0.0/16 + 2600:1f18::/56. */
const peerings = {
  VpcPeeringConnections: [
    {
      AccepterVpcInfo: {
        CidrBlock: '10.1.0.0/16',
        CidrBlockSet: [{ CidrBlock: '10.1.0.0/16' }],
        Ipv6CidrBlockSet: [{ Ipv6CidrBlock: '2600:1f18:1234:5600::/56' }],
        OwnerId: '123456789012',
        PeeringOptions: { AllowDnsResolutionFromRemoteVpc: false },
        VpcId: 'vpc-0ccc3333dddd44445',
        Region: REGION,
      },
      RequesterVpcInfo: {
        CidrBlock: '10.0.0.0/16',
        CidrBlockSet: [{ CidrBlock: '10.0.0.0/16' }],
        OwnerId: '123456789012',
        PeeringOptions: { AllowDnsResolutionFromRemoteVpc: false },
        VpcId: 'vpc-0aaa1111bbbb22223',
        Region: REGION,
      },
      Status: { Code: 'active', Message: 'Active' },
      Tags: [],
      VpcPeeringConnectionId: PCX,
    },
  ],
};

const snap = (...routes: Record<string, string>[]) =>
  ec2Snapshot({ [REGION]: { DescribeRouteTables: routeTables(...routes), DescribeVpcPeeringConnections: peerings } });

testCheck(check, {
  pass: [
    { name: 'no route to a peering', snapshot: snap(), message: 'no route to a VPC peering connection' },
    {
      name: 'one subnet of the peer VPC, IPv4 and IPv6',
      snapshot: snap({ DestinationCidrBlock: '10.1.2.0/24' }, { DestinationIpv6CidrBlock: '2600:1f18:1234:5601::/64' }),
      message: '2 route(s) to a peering, each narrower than the peer VPC: 10.1.2.0/24, 2600:1f18:1234:5601::/64',
    },
  ],
  fail: [
    {
      name: 'the whole peer VPC',
      snapshot: snap({ DestinationCidrBlock: '10.1.0.0/16' }),
      message: `10.1.0.0/16 via ${PCX} (the whole peer VPC 10.1.0.0/16)`,
    },
    {
      name: 'a range wider than the peer VPC (10.0.0.0/8)',
      snapshot: snap({ DestinationCidrBlock: '10.0.0.0/8' }),
      message: 'the whole peer VPC 10.1.0.0/16',
    },
    {
      name: 'every IPv6 destination',
      snapshot: snap({ DestinationIpv6CidrBlock: '::/0' }),
      message: `::/0 via ${PCX} (every destination)`,
    },
    {
      name: '0.0.0.0/0 fails even when the peerings could not be listed',
      snapshot: ec2Snapshot({
        [REGION]: {
          DescribeRouteTables: routeTables({ DestinationCidrBlock: '0.0.0.0/0' }),
          DescribeVpcPeeringConnections: awsError(
            'UnauthorizedOperation',
            'You are not authorized to perform this operation.',
          ),
        },
      }),
      message: '0.0.0.0/0 via',
    },
  ],
  unknown: [
    {
      name: 'DescribeRouteTables denied',
      snapshot: ec2Snapshot({
        [REGION]: {
          DescribeRouteTables: awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.'),
        },
      }),
      arn: `arn:aws:ec2:${REGION}:123456789012:route-table/*`,
      message: 'UnauthorizedOperation on ec2:DescribeRouteTables',
    },
    {
      name: 'a subnet route, but the peer CIDRs could not be read',
      snapshot: ec2Snapshot({
        [REGION]: {
          DescribeRouteTables: routeTables({ DestinationCidrBlock: '10.1.2.0/24' }),
          DescribeVpcPeeringConnections: awsError(
            'UnauthorizedOperation',
            'You are not authorized to perform this operation.',
          ),
        },
      }),
      arn: TABLE,
      message:
        'cannot tell whether these routes cover a whole peer VPC: 10.1.2.0/24 via pcx-0a1b2c3d4e5f60718: UnauthorizedOperation',
    },
    {
      name: 'a route to a peering that is not listed (deleted since)',
      snapshot: ec2Snapshot({
        [REGION]: {
          DescribeRouteTables: routeTables({ DestinationCidrBlock: '10.1.2.0/24' }),
          DescribeVpcPeeringConnections: { VpcPeeringConnections: [] },
        },
      }),
      arn: TABLE,
      message: 'PeeringNotListed',
    },
  ],
});
