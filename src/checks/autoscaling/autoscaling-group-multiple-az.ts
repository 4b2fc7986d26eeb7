import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'autoscaling-group-multiple-az',
  aliases: ['AutoScaling.2', 'autoscaling_group_multiple_az'],
  service: 'autoscaling',
  resource: 'autoscaling-group',
  severity: 'medium',
  title: 'Auto Scaling groups span at least two Availability Zones',
  description:
    "A group confined to one Availability Zone cannot launch replacements elsewhere when that zone fails or runs out of capacity. The check reads each group's `AvailabilityZones` (DescribeAutoScalingGroups) and fails when there are fewer than two. (Single-zone groups are sometimes deliberate, for batch jobs or to avoid inter-zone traffic costs: suppress those.) Security Hub AutoScaling.2.",
  remediation: {
    terraform: `resource "aws_autoscaling_group" "this" {
  # ...
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id] # subnets in two Availability Zones
}`,
    cli: 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name NAME --vpc-zone-identifier "SUBNET_IN_AZ_A,SUBNET_IN_AZ_B" --region REGION',
    console:
      'EC2 console (in the region) > Auto Scaling Groups > the group > Details > Network > Edit > add a subnet in a second Availability Zone > Update.',
  },
  references: [
    'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-add-az-console.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-2',
  ],
  needs: ['autoscaling:DescribeAutoScalingGroups'],
  triggers: ['CreateAutoScalingGroup', 'UpdateAutoScalingGroup'],
  evaluate(group) {
    const zones = [...new Set(group.zones)];
    if (zones.length >= 2) return pass(`${group.name} spans ${zones.join(', ')}`);
    return fail(
      `${group.name} is in ${zones.length === 0 ? 'no Availability Zone' : `one Availability Zone only (${zones.join('')})`}`,
    );
  },
});
