import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'ec2-vpc-flow-logs-enabled',
  aliases: ['EC2.6', 'AVD-AWS-0178'],
  service: 'ec2',
  resource: 'ec2-vpc',
  severity: 'medium',
  title: 'VPC has flow logs enabled',
  description:
    'VPC flow logs record the connections in and out of the network interfaces of a VPC. Without them there is no record of who talked to what when an incident is investigated, and GuardDuty-like analysis of rejected traffic is impossible (CIS AWS 3.7 in v3.0 asks at least REJECT traffic to be logged).',
  remediation: {
    terraform: `resource "aws_flow_log" "vpc" {
  vpc_id               = aws_vpc.this.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow_logs.arn
}`,
    cli: 'aws ec2 create-flow-logs --resource-type VPC --resource-ids VPC_ID --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::FLOW_LOG_BUCKET',
    console:
      'VPC console > Your VPCs > VPC_ID > Flow logs > Create flow log > Filter: All (or Reject) > destination > Create flow log.',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6',
  ],
  needs: ['ec2:DescribeVpcs', 'ec2:DescribeFlowLogs'],
  triggers: ['CreateFlowLogs', 'DeleteFlowLogs', 'CreateVpc'],
  evaluate(vpc) {
    const logs = known(vpc.flowLogs) ?? [];
    const active = logs.filter((l) => l.status === undefined || l.status === 'ACTIVE');
    const rejects = active.filter((l) => l.trafficType === 'ALL' || l.trafficType === 'REJECT');
    if (rejects.length > 0) return pass(`flow logs capture ${rejects.map((l) => l.trafficType).join(', ')} traffic`);
    if (active.length > 0)
      return fail(
        `flow logs capture only ${active.map((l) => l.trafficType).join(', ')} traffic: rejected connections are not logged`,
      );
    return fail(`no active flow log on ${vpc.isDefault ? 'the default VPC ' : ''}${vpc.id}`);
  },
});
