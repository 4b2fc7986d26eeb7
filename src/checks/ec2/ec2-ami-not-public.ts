import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'ec2-ami-not-public',
  aliases: [],
  service: 'ec2',
  resource: 'ec2-image',
  severity: 'high',
  title: 'AMI owned by the account is not public',
  description:
    'A public AMI can be launched by any AWS account, and with it everything baked into the image: application code, configuration files, keys and credentials left on the disk.',
  remediation: {
    terraform: `# aws_ami_launch_permission grants to named accounts only; remove any "group = all" grant
resource "aws_ami_launch_permission" "partner" {
  image_id   = aws_ami.this.id
  account_id = "111122223333"
}`,
    cli: 'aws ec2 modify-image-attribute --image-id AMI_ID --launch-permission "Remove=[{Group=all}]"',
    console: 'EC2 console > AMIs > AMI_ID > Actions > Edit AMI permissions > Private > Save changes.',
  },
  references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html'],
  needs: ['ec2:DescribeImages'],
  triggers: ['ModifyImageAttribute'],
  evaluate(image) {
    return image.isPublic
      ? fail(`the AMI ${image.name ?? image.id} is public: any AWS account can launch it`)
      : pass('the AMI is private');
  },
});
