import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'elb-cross-zone-load-balancing',
  aliases: ['ELB.9', 'elb_cross_zone_load_balancing_enabled'],
  service: 'elb',
  resource: 'elb-load-balancer',
  severity: 'medium',
  title: 'Classic Load Balancers have cross-zone load balancing enabled',
  description:
    'Without cross-zone load balancing each load balancer node sends traffic only to the instances of its own Availability Zone: a zone with fewer healthy instances gets the same share of traffic and overloads. The check reads `CrossZoneLoadBalancing.Enabled` (DescribeLoadBalancerAttributes). (It is on by default for load balancers created in the console, off for those created with the API or CLI.) Security Hub ELB.9.',
  remediation: {
    terraform: `resource "aws_elb" "this" {
  # ...
  cross_zone_load_balancing = true
}`,
    cli: 'aws elb modify-load-balancer-attributes --load-balancer-name NAME --load-balancer-attributes \'{"CrossZoneLoadBalancing":{"Enabled":true}}\' --region REGION',
    console:
      'EC2 console (in the region) > Load Balancers > the Classic Load Balancer > Attributes > Edit > Availability Zone routing: turn on Cross-zone load balancing > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-crosszone-lb.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-9',
  ],
  needs: ['elb:DescribeLoadBalancerAttributes'],
  triggers: ['ModifyLoadBalancerAttributes', 'CreateLoadBalancer'],
  evaluate(lb) {
    if (known(lb.attributes)?.crossZone) return pass(`${lb.name} balances across Availability Zones`);
    return fail(`${lb.name} has cross-zone load balancing off`);
  },
});
