import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';

export default defineCheck({
  id: 'autoscaling-group-launch-template',
  aliases: ['AutoScaling.9', 'autoscaling_group_using_ec2_launch_template'],
  service: 'autoscaling',
  resource: 'autoscaling-group',
  severity: 'medium',
  title: 'Auto Scaling groups launch from EC2 launch templates, not launch configurations',
  description:
    "Launch configurations are frozen at the features of 2017: no IMDSv2 defaults beyond HttpTokens, no newer instance types in some regions, no mixed instances or versions, and AWS no longer adds instance types to them. Launch templates are versioned and carry every current setting. The check reads each group (DescribeAutoScalingGroups) and fails when it launches from a launch configuration rather than a launch template (its own or its mixed instances policy's). Security Hub AutoScaling.9.",
  remediation: {
    terraform: `resource "aws_autoscaling_group" "this" {
  # ...  (remove launch_configuration)
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}`,
    cli: "aws ec2 create-launch-template --launch-template-name NAME --launch-template-data file://template.json --region REGION\naws autoscaling update-auto-scaling-group --auto-scaling-group-name GROUP --launch-template LaunchTemplateName=NAME,Version='$Latest' --region REGION",
    console:
      'EC2 console (in the region) > Launch configurations > the configuration > Actions > Copy to launch template; then Auto Scaling Groups > the group > Details > Launch configuration > Edit > Switch to launch template > the template > Update.',
  },
  references: [
    'https://docs.aws.amazon.com/autoscaling/ec2/userguide/replace-launch-config.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-9',
  ],
  needs: ['autoscaling:DescribeAutoScalingGroups'],
  triggers: ['CreateAutoScalingGroup', 'UpdateAutoScalingGroup'],
  evaluate(group) {
    if (group.launchTemplate !== undefined)
      return pass(`${group.name} launches from launch template ${group.launchTemplate}`);
    if (group.launchConfigurationName !== undefined) {
      return fail(`${group.name} launches from launch configuration ${group.launchConfigurationName}`);
    }
    // a group always names one of the two; neither means the answer lost the field
    return inconclusive(
      `${group.name}: no launch template or configuration reported`,
      'DescribeAutoScalingGroups named neither',
    );
  },
});
