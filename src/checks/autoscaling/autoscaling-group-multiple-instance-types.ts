import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'autoscaling-group-multiple-instance-types',
  aliases: ['AutoScaling.6', 'autoscaling_group_multiple_instance_types'],
  service: 'autoscaling',
  resource: 'autoscaling-group',
  severity: 'medium',
  title: 'Auto Scaling groups use several instance types in several Availability Zones',
  description:
    'A group that can launch only one instance type stalls when that type runs out of capacity in its zones (InsufficientInstanceCapacity) or, for Spot, is reclaimed everywhere at once. The check reads each group (DescribeAutoScalingGroups) and passes when its mixed instances policy names at least two instance types (or selects them by attributes) and the group spans at least two Availability Zones. Security Hub AutoScaling.6.',
  remediation: {
    terraform: `resource "aws_autoscaling_group" "this" {
  # ...
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_id = aws_launch_template.app.id
        version            = "$Latest"
      }
      override { instance_type = "m6i.large" }
      override { instance_type = "m5.large" }
    }
  }
}`,
    cli: 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name NAME --mixed-instances-policy \'{"LaunchTemplate":{"LaunchTemplateSpecification":{"LaunchTemplateName":"TEMPLATE","Version":"$Latest"},"Overrides":[{"InstanceType":"m6i.large"},{"InstanceType":"m5.large"}]}}\' --region REGION',
    console:
      'EC2 console (in the region) > Auto Scaling Groups > the group > Details > Launch template > Edit > Override launch template > add instance types (or specify instance attributes) > Update; and add subnets of a second Availability Zone under Network.',
  },
  references: [
    'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-mixed-instances-groups.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-6',
  ],
  needs: ['autoscaling:DescribeAutoScalingGroups'],
  triggers: ['CreateAutoScalingGroup', 'UpdateAutoScalingGroup'],
  evaluate(group) {
    const zones = new Set(group.zones).size;
    const types = group.instanceTypes ?? [];
    const several = group.attributeBasedTypes || types.length >= 2;
    if (several && zones >= 2) {
      const what = group.attributeBasedTypes
        ? 'instance types chosen by attributes'
        : `instance types ${types.join(', ')}`;
      return pass(`${group.name} launches ${what} in ${zones} Availability Zones`);
    }
    const problems = [
      ...(several
        ? []
        : [
            group.instanceTypes === undefined
              ? 'a single instance type (no mixed instances policy)'
              : `${types.length} instance type${types.length === 1 ? '' : 's'} in its mixed instances policy`,
          ]),
      ...(zones >= 2 ? [] : [`${zones} Availability Zone${zones === 1 ? '' : 's'}`]),
    ];
    return fail(`${group.name} has ${problems.join(' and ')}`);
  },
});
