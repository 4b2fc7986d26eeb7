import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'ec2-instance-imdsv2-required',
  aliases: ['EC2.8', 'AVD-AWS-0028'],
  service: 'ec2',
  resource: 'ec2-instance',
  severity: 'high',
  title: 'EC2 instance requires IMDSv2 (session tokens) for instance metadata',
  description:
    'With IMDSv1 still allowed (`HttpTokens: optional`), a server-side request forgery in any application on the instance can read the instance role credentials from 169.254.169.254. IMDSv2 requires a session token obtained with a PUT, which SSRF cannot usually send (CIS AWS 5.6 in v3.0). Amazon Linux 2 allows IMDSv1 by default; Amazon Linux 2023 requires IMDSv2.',
  remediation: {
    terraform: `resource "aws_instance" "web" {
  # ...
  metadata_options {
    http_tokens = "required"
  }
}`,
    cli: 'aws ec2 modify-instance-metadata-options --instance-id INSTANCE_ID --http-tokens required --http-endpoint enabled',
    console:
      'EC2 console > Instances > INSTANCE_ID > Actions > Instance settings > Modify instance metadata options > IMDSv2: Required > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-8',
  ],
  needs: ['ec2:DescribeInstances'],
  triggers: ['RunInstances', 'ModifyInstanceMetadataOptions'],
  evaluate(instance) {
    if (instance.httpEndpoint === 'disabled') return pass('the instance metadata service is disabled');
    if (instance.httpTokens === 'required') return pass('IMDSv2 is required (HttpTokens: required)');
    return fail(
      `IMDSv1 is allowed (HttpTokens: ${instance.httpTokens ?? 'not set'})${instance.state ? ` on this ${instance.state} instance` : ''}`,
    );
  },
});
