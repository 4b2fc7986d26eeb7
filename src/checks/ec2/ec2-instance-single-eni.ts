import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';

export default defineCheck({
  id: 'ec2-instance-single-eni',
  aliases: ['EC2.17', 'ec2_instance_uses_single_eni'],
  service: 'ec2',
  resource: 'ec2-instance',
  severity: 'low',
  title: 'EC2 instances use a single network interface',
  description:
    'An instance with several ENIs sits in several subnets at once: it can bridge networks that were meant to stay apart, and flow logs and security groups must be read per interface to know what reaches it (Security Hub EC2.17). The check fails for more than one interface in DescribeInstances NetworkInterfaces; instances that must route between subnets (appliances) can be accepted with a reason.',
  remediation: {
    terraform: `# attach no extra aws_network_interface_attachment to the instance; one primary ENI per instance
resource "aws_instance" "this" {
  # ...
  subnet_id = aws_subnet.app.id
}`,
    cli: 'aws ec2 detach-network-interface --attachment-id ATTACHMENT_ID --region REGION',
    console:
      'EC2 console (in the region) > Instances > INSTANCE > Actions > Networking > Detach network interface > choose the secondary interface > Detach.',
  },
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-17',
  ],
  needs: ['ec2:DescribeInstances'],
  triggers: ['RunInstances', 'AttachNetworkInterface', 'DetachNetworkInterface'],
  evaluate(instance) {
    const enis = instance.networkInterfaceIds;
    if (enis === undefined)
      return inconclusive('cannot decide', 'the DescribeInstances answer lists no NetworkInterfaces for the instance');
    if (enis.length > 1) return fail(`the instance has ${enis.length} network interfaces (${enis.join(', ')})`);
    return pass(
      enis.length === 1
        ? `the instance has one network interface (${enis[0]})`
        : 'the instance has no network interface attached',
    );
  },
});
