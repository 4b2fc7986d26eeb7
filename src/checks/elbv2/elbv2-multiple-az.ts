import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'elbv2-multiple-az',
  aliases: ['ELB.13', 'elbv2_is_in_multiple_az'],
  service: 'elbv2',
  resource: 'elbv2-load-balancer',
  severity: 'medium',
  title: 'Application, Network and Gateway Load Balancers span at least two Availability Zones',
  description:
    'A load balancer enabled in one Availability Zone has nowhere to send traffic when that zone fails: the application goes down with it. The check reads the zones each load balancer has subnets in (DescribeLoadBalancers) and fails when there are fewer than two. (An ALB cannot be created in fewer than two zones; NLBs and GWLBs can.) Security Hub ELB.13.',
  remediation: {
    terraform: `resource "aws_lb" "this" {
  # ...
  subnets = [aws_subnet.a.id, aws_subnet.b.id] # subnets in two different Availability Zones
}`,
    cli: 'aws elbv2 set-subnets --load-balancer-arn LOAD_BALANCER_ARN --subnets SUBNET_IN_AZ_A SUBNET_IN_AZ_B --region REGION',
    console:
      'EC2 console (in the region) > Load Balancers > the load balancer > Network mapping > Edit subnets > select a subnet in a second Availability Zone > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/availability-zones.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-13',
  ],
  needs: ['elbv2:DescribeLoadBalancers'],
  triggers: ['CreateLoadBalancer', 'SetSubnets'],
  evaluate(lb) {
    const zones = [...new Set(lb.zones)];
    if (zones.length >= 2) return pass(`${lb.type} load balancer ${lb.name} spans ${zones.join(', ')}`);
    return fail(
      `${lb.type} load balancer ${lb.name} is in ${zones.length === 0 ? 'no Availability Zone' : `one Availability Zone only (${zones.join('')})`}`,
    );
  },
});
