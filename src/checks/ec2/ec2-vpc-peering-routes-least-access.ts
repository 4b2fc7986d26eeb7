import ipaddr from 'ipaddr.js';
import type { PeeringRoute } from '../../services/ec2/model.ts';
import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';

/** `outer` contains every address of `inner` (both CIDRs of the same family); false when either does not parse. */
function covers(outer: string, inner: string): boolean {
  try {
    const [outerAddress, outerBits] = ipaddr.parseCIDR(outer);
    const [innerAddress, innerBits] = ipaddr.parseCIDR(inner);
    if (outerAddress.kind() !== innerAddress.kind()) return false;
    return innerBits >= outerBits && innerAddress.match(outerAddress, outerBits);
  } catch {
    return false;
  }
}

/** Why a route to a peering is broader than least access, undefined when it is narrower, null when it cannot say. */
function tooBroad(route: PeeringRoute): string | undefined | null {
  if (route.destination === '0.0.0.0/0' || route.destination === '::/0')
    return `${route.destination} via ${route.peeringId} (every destination)`;
  if (route.destination.startsWith('pl-')) return null;
  if (route.peerCidrs.kind !== 'present') return null;
  const whole = route.peerCidrs.value.filter((cidr) => covers(route.destination, cidr));
  if (whole.length > 0) return `${route.destination} via ${route.peeringId} (the whole peer VPC ${whole.join(', ')})`;
  return undefined;
}

export default defineCheck({
  id: 'ec2-vpc-peering-routes-least-access',
  aliases: ['vpc_peering_routing_tables_with_least_privilege'],
  service: 'ec2',
  resource: 'ec2-route-table',
  severity: 'medium',
  title: 'Routes to VPC peering connections reach only the subnets that need them',
  description:
    'A peering makes two networks one for whatever the route tables send across it. A route to the peering for 0.0.0.0/0, or for a range that covers the whole peer VPC, exposes every subnet of that VPC (and lets a compromised host reach all of it) where usually one or two subnets need to talk (CIS AWS 5.5 in v3.0, 5.6 in v5.0: routing tables for VPC peering are "least access"). DescribeRouteTables gives each route whose target is a peering and DescribeVpcPeeringConnections the CIDR blocks of the VPC on the other side; a route whose destination is 0.0.0.0/0, ::/0 or contains a whole peer VPC CIDR block fails. A route to a prefix list is not judged.',
  remediation: {
    terraform: `# Route only the peer subnets that are needed, not the peer VPC's whole CIDR:
resource "aws_route" "to_db_subnet" {
  route_table_id            = aws_route_table.app.id
  destination_cidr_block    = "10.1.2.0/24" # one subnet of the peer VPC
  vpc_peering_connection_id = aws_vpc_peering_connection.app_db.id
}`,
    cli: `aws ec2 describe-route-tables --filters Name=route.vpc-peering-connection-id,Values=PCX_ID
aws ec2 create-route --route-table-id RTB_ID --destination-cidr-block 10.1.2.0/24 --vpc-peering-connection-id PCX_ID
aws ec2 delete-route --route-table-id RTB_ID --destination-cidr-block 10.1.0.0/16`,
    console:
      'VPC console > Route tables > RTB_ID > Routes > Edit routes: replace the route to the peering connection (pcx-…) for the whole peer VPC with routes to the peer subnets that are needed.',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html',
    'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html',
  ],
  needs: ['ec2:DescribeRouteTables'],
  triggers: ['CreateRoute', 'ReplaceRoute', 'DeleteRoute', 'CreateVpcPeeringConnection'],
  evaluate(table) {
    if (table.peeringRoutes.length === 0) return pass('no route to a VPC peering connection');
    const verdicts = table.peeringRoutes.map((route) => ({ route, broad: tooBroad(route) }));
    const broad = verdicts.flatMap((v) => (typeof v.broad === 'string' ? [v.broad] : []));
    if (broad.length > 0) return fail(`routes to a peering broader than needed: ${broad.join('; ')}`);
    const undecided = verdicts.filter((v) => v.broad === null).map((v) => v.route);
    if (undecided.length > 0) {
      const why = undecided.map((r) =>
        r.destination.startsWith('pl-')
          ? `${r.destination} via ${r.peeringId}: a prefix list`
          : `${r.destination} via ${r.peeringId}: ${r.peerCidrs.kind === 'error' ? `${r.peerCidrs.error.name} (${r.peerCidrs.error.message})` : 'ec2:DescribeVpcPeeringConnections was not collected'}`,
      );
      return inconclusive(
        `cannot tell whether these routes cover a whole peer VPC: ${why.join('; ')}`,
        'the peer VPC CIDRs could not be read',
      );
    }
    return pass(
      `${table.peeringRoutes.length} route(s) to a peering, each narrower than the peer VPC: ${table.peeringRoutes.map((r) => r.destination).join(', ')}`,
    );
  },
});
