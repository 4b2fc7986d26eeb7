import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'ec2-instance-no-public-ipv4',
  aliases: ['EC2.9', 'ec2_instance_public_ip'],
  service: 'ec2',
  resource: 'ec2-instance',
  severity: 'high',
  title: 'EC2 instances have no public IPv4 address',
  description:
    'An instance with a public IPv4 address is reachable from the internet wherever a security group or network ACL lets traffic in; one mistake in those rules exposes it. Instances behind a load balancer, NAT gateway or Session Manager need no address of their own (Security Hub EC2.9). The check fails when DescribeInstances reports a PublicIpAddress (auto-assigned or an Elastic IP).',
  remediation: {
    terraform: `resource "aws_instance" "this" {
  # ...
  associate_public_ip_address = false
}

resource "aws_subnet" "private" {
  # ...
  map_public_ip_on_launch = false
}`,
    cli: 'aws ec2 modify-network-interface-attribute --network-interface-id ENI_ID --no-associate-public-ip-address --region REGION  # or disassociate-address for an Elastic IP',
    console:
      'EC2 console (in the region) > Instances > INSTANCE > Networking > Network interface > Actions > Manage IP addresses > turn off "Auto-assign public IP" (or Elastic IPs > Disassociate).',
  },
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9',
  ],
  needs: ['ec2:DescribeInstances'],
  triggers: ['RunInstances', 'AssociateAddress', 'ModifyNetworkInterfaceAttribute'],
  evaluate(instance) {
    if (instance.publicIp) return fail(`the instance has the public IPv4 address ${instance.publicIp}`);
    return pass('the instance has no public IPv4 address');
  },
});
