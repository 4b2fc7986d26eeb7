import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'elb-multiple-az',
  aliases: ['ELB.10', 'elb_is_in_multiple_az'],
  service: 'elb',
  resource: 'elb-load-balancer',
  severity: 'medium',
  title: 'Classic Load Balancers span at least two Availability Zones',
  description:
    'A Classic Load Balancer enabled in a single Availability Zone cannot route around that zone when it fails. The check reads the zones it is enabled in (DescribeLoadBalancers `AvailabilityZones`) and fails when there are fewer than two. Security Hub ELB.10.',
  remediation: {
    terraform: `resource "aws_elb" "this" {
  # ...
  subnets = [aws_subnet.a.id, aws_subnet.b.id] # in a VPC: subnets of two Availability Zones
}`,
    cli: 'aws elb attach-load-balancer-to-subnets --load-balancer-name NAME --subnets SUBNET_IN_SECOND_AZ --region REGION\n# EC2-Classic style load balancers: aws elb enable-availability-zones-for-load-balancer --load-balancer-name NAME --availability-zones AZ',
    console:
      'EC2 console (in the region) > Load Balancers > the Classic Load Balancer > Network mapping > Edit subnets > add a subnet in a second Availability Zone > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-az.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-10',
  ],
  needs: ['elb:DescribeLoadBalancers'],
  triggers: [
    'CreateLoadBalancer',
    'AttachLoadBalancerToSubnets',
    'DetachLoadBalancerFromSubnets',
    'EnableAvailabilityZonesForLoadBalancer',
    'DisableAvailabilityZonesForLoadBalancer',
  ],
  evaluate(lb) {
    const zones = [...new Set(lb.zones)];
    if (zones.length >= 2) return pass(`${lb.name} spans ${zones.join(', ')}`);
    return fail(
      `${lb.name} is in ${zones.length === 0 ? 'no Availability Zone' : `one Availability Zone only (${zones.join('')})`}`,
    );
  },
});
