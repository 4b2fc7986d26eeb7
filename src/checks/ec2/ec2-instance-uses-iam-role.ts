import { defineCheck, fail, pass } from '../define-check.ts';

/** States in which an instance runs nothing that could use credentials. */
const GONE = new Set(['shutting-down', 'terminated']);

export default defineCheck({
  id: 'ec2-instance-uses-iam-role',
  aliases: ['ec2_instance_profile_attached'],
  service: 'ec2',
  resource: 'ec2-instance',
  severity: 'medium',
  title: 'EC2 instance has an IAM instance profile (a role) for AWS access',
  description:
    "An instance without an instance profile that calls AWS does so with long-term access keys copied onto it (in files, environment variables or the AMI), where anyone with a foothold on the instance or the image can take them and use them from anywhere, indefinitely. An instance profile gives the instance a role whose credentials are temporary and rotated automatically (CIS AWS 1.18 in v3.0, 1.17 in v5.0). DescribeInstances names each instance's IamInstanceProfile; an instance without one fails (an instance that needs no AWS access can have a role with no permissions).",
  remediation: {
    terraform: `resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}
resource "aws_instance" "app" {
  # ...
  iam_instance_profile = aws_iam_instance_profile.app.name
}`,
    cli: 'aws ec2 associate-iam-instance-profile --instance-id INSTANCE_ID --iam-instance-profile Name=PROFILE_NAME\n# then remove the access keys stored on the instance and delete them in IAM',
    console:
      'EC2 console > Instances > INSTANCE_ID > Actions > Security > Modify IAM role > choose a role > Update IAM role. Then remove access keys stored on the instance.',
  },
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html',
  ],
  needs: ['ec2:DescribeInstances'],
  triggers: ['RunInstances', 'AssociateIamInstanceProfile', 'DisassociateIamInstanceProfile'],
  evaluate(instance) {
    if (instance.state && GONE.has(instance.state)) return pass(`the instance is ${instance.state}`);
    if (instance.instanceProfileArn)
      return pass(
        `the instance has instance profile ${instance.instanceProfileArn.slice(instance.instanceProfileArn.indexOf(':instance-profile/') + 1)}`,
      );
    const which = instance.state ? `the ${instance.state} instance` : 'the instance';
    return fail(`${which} has no IAM instance profile: whatever it calls AWS with are long-term keys`);
  },
});
