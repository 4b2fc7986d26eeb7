import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { ec2SettingsOf } from './settings.ts';

export default defineCheck({
  id: 'ec2-account-imdsv2-default',
  aliases: [],
  service: 'ec2',
  resource: 'region',
  severity: 'medium',
  title: 'Region launches new instances with IMDSv2 required by default',
  description:
    'The account-level instance metadata defaults (per region) decide what new instances get when neither the AMI nor the launch request says. Setting `HttpTokens: required` there makes IMDSv2 the default for every launch, so an instance started from an old AMI or template is not born with IMDSv1.',
  remediation: {
    terraform: `resource "aws_ec2_instance_metadata_defaults" "this" {
  http_tokens                 = "required"
  http_put_response_hop_limit = 2
}`,
    cli: 'aws ec2 modify-instance-metadata-defaults --region REGION --http-tokens required --http-put-response-hop-limit 2',
    console:
      'EC2 console (in each region) > Dashboard > Account attributes > Data protection and security > IMDS defaults > Manage > Metadata version: V2 only (token required) > Update.',
  },
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html#set-imds-defaults',
  ],
  needs: ['ec2:GetInstanceMetadataDefaults'],
  triggers: ['ModifyInstanceMetadataDefaults'],
  evaluate(region, { state }) {
    const defaults = known(ec2SettingsOf(state, region).instanceMetadataDefaults);
    if (defaults?.httpTokens === 'required') return pass(`new instances in ${region.region} require IMDSv2 by default`);
    return fail(
      `no IMDSv2 default in ${region.region} (HttpTokens: ${defaults?.httpTokens ?? 'no preference'}): the AMI decides`,
    );
  },
});
