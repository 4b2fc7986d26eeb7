import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'config-recorder-all-resources',
  aliases: ['Config.1'],
  service: 'config',
  resource: 'region',
  severity: 'medium',
  title: 'AWS Config records all resource types in the region',
  description:
    'The AWS Config recorder keeps the configuration history of resources: who changed a security group or a bucket policy, and when. Security Hub controls and CIS 3.3 rely on it. A recorder must exist in every region, be recording, and record all supported resource types (allSupported), not a hand-picked list.',
  remediation: {
    terraform: `resource "aws_config_configuration_recorder" "this" {
  name     = "default"
  role_arn = aws_iam_service_linked_role.config.arn
  recording_group {
    all_supported                 = true
    include_global_resource_types = true # in one region only
  }
}

resource "aws_config_delivery_channel" "this" {
  s3_bucket_name = aws_s3_bucket.config.id
  depends_on     = [aws_config_configuration_recorder.this]
}

resource "aws_config_configuration_recorder_status" "this" {
  name       = aws_config_configuration_recorder.this.name
  is_enabled = true
  depends_on = [aws_config_delivery_channel.this]
}`,
    cli: `aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=arn:aws:iam::ACCOUNT_ID:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig --recording-group allSupported=true,includeGlobalResourceTypes=true --region REGION
aws configservice start-configuration-recorder --configuration-recorder-name default --region REGION`,
    console:
      'AWS Config console (in the region) > Settings > Edit > Recording strategy: All resource types with customizable overrides (no overrides) > Save; and make sure Recording is on.',
  },
  references: [
    'https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html',
    'https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/config-controls.html#config-1',
  ],
  needs: ['config:DescribeConfigurationRecorders'],
  triggers: [
    'PutConfigurationRecorder',
    'StopConfigurationRecorder',
    'StartConfigurationRecorder',
    'DeleteConfigurationRecorder',
  ],
  evaluate(region, { state }) {
    const recorders = known(state.detection.regions[region.region]!.configRecorders) ?? [];
    if (recorders.length === 0) return fail(`AWS Config has no configuration recorder in ${region.region}`);
    const good = recorders.find((r) => r.recording && r.allSupported);
    if (good) return pass(`recorder ${good.name} records all supported resource types in ${region.region}`);
    const problems = recorders.map((r) => {
      const what = [
        ...(r.recording ? [] : ['is not recording']),
        ...(r.allSupported ? [] : [`records only selected resource types${r.strategy ? ` (${r.strategy})` : ''}`]),
      ];
      return `recorder ${r.name} ${what.join(' and ')}`;
    });
    return fail(`${problems.join('; ')} in ${region.region}`);
  },
});
