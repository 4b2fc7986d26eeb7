import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'autoscaling-launch-config-no-public-ip',
  aliases: ['AutoScaling.5', 'autoscaling_group_launch_configuration_no_public_ip'],
  service: 'autoscaling',
  resource: 'autoscaling-launch-configuration',
  severity: 'high',
  title: 'Auto Scaling launch configurations do not assign public IP addresses',
  description:
    "Instances of an Auto Scaling group normally sit behind a load balancer; a public IP address makes each one reachable from the internet directly, past the load balancer and whatever it filters, with only its security group in the way. The check reads each launch configuration's `AssociatePublicIpAddress` (DescribeLaunchConfigurations) and fails when it is true. When it is not set, the subnet's auto-assign setting decides, as for AWS Config's rule, and the check passes. Security Hub AutoScaling.5.",
  remediation: {
    terraform: `resource "aws_launch_template" "app" {
  # launch configurations cannot change: move the group to a launch template
  network_interfaces {
    associate_public_ip_address = false
    security_groups             = [aws_security_group.app.id]
  }
}`,
    cli: 'aws autoscaling create-launch-configuration --launch-configuration-name NAME-private --image-id AMI_ID --instance-type TYPE --no-associate-public-ip-address --region REGION\naws autoscaling update-auto-scaling-group --auto-scaling-group-name GROUP --launch-configuration-name NAME-private --region REGION',
    console:
      'EC2 console (in the region) > Launch configurations > the configuration > Actions > Copy launch configuration > Advanced details: IP address type "Do not assign a public IP address to any instances" > Create; then point the Auto Scaling group at the copy.',
  },
  references: [
    'https://docs.aws.amazon.com/autoscaling/ec2/userguide/change-launch-config.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-5',
  ],
  needs: ['autoscaling:DescribeLaunchConfigurations'],
  triggers: ['CreateLaunchConfiguration'],
  evaluate(configuration) {
    if (configuration.associatePublicIp === true)
      return fail(`${configuration.name} assigns a public IP address to every instance`);
    if (configuration.associatePublicIp === false) return pass(`${configuration.name} assigns no public IP address`);
    return pass(
      `${configuration.name} does not ask for a public IP address (the subnet's auto-assign setting applies)`,
    );
  },
});
