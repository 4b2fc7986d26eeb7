import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'autoscaling-launch-config-imdsv2-required',
  aliases: ['AutoScaling.3', 'autoscaling_group_launch_configuration_requires_imdsv2'],
  service: 'autoscaling',
  resource: 'autoscaling-launch-configuration',
  severity: 'high',
  title: 'Auto Scaling launch configurations require IMDSv2',
  description:
    "Instances launched with IMDSv1 allowed answer any GET to 169.254.169.254 with their role's credentials: a server-side request forgery in the application is enough to steal them. IMDSv2 requires a session token obtained with a PUT, which such requests cannot send. The check reads each launch configuration's `MetadataOptions.HttpTokens` (DescribeLaunchConfigurations) and fails unless it is `required` (or the metadata endpoint is disabled). Launch configurations cannot be edited: create a new one (or better, a launch template) and point the group at it. Security Hub AutoScaling.3.",
  remediation: {
    terraform: `resource "aws_launch_template" "app" {
  # launch configurations cannot change: move the group to a launch template
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}`,
    cli: 'aws autoscaling create-launch-configuration --launch-configuration-name NAME-imdsv2 --image-id AMI_ID --instance-type TYPE --metadata-options HttpTokens=required,HttpEndpoint=enabled,HttpPutResponseHopLimit=1 --region REGION\naws autoscaling update-auto-scaling-group --auto-scaling-group-name GROUP --launch-configuration-name NAME-imdsv2 --region REGION',
    console:
      'EC2 console (in the region) > Launch configurations > the configuration > Actions > Copy launch configuration > Advanced details: Metadata version "V2 only (token required)" > Create; then point the Auto Scaling group at the copy (or copy it to a launch template).',
  },
  references: [
    'https://docs.aws.amazon.com/autoscaling/ec2/userguide/create-launch-config.html#launch-configurations-imds',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-3',
  ],
  needs: ['autoscaling:DescribeLaunchConfigurations'],
  triggers: ['CreateLaunchConfiguration'],
  evaluate(configuration) {
    if (configuration.httpEndpoint === 'disabled') return pass(`${configuration.name} turns the metadata service off`);
    if (configuration.httpTokens === 'required') return pass(`${configuration.name} requires IMDSv2 session tokens`);
    return fail(
      `${configuration.name} allows IMDSv1 (HttpTokens ${configuration.httpTokens ?? 'not set, so optional unless the AMI says otherwise'})`,
    );
  },
});
