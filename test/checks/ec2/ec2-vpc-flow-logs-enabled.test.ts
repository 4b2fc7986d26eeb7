import check from '../../../src/checks/ec2/ec2-vpc-flow-logs-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, REGION } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const VPC = 'vpc-0a1b2c3d4e5f60718';
const withLogs = (flowLogs: unknown) =>
  ec2Snapshot({
    [REGION]: {
      DescribeVpcs: { Vpcs: [{ VpcId: VPC, IsDefault: true, CidrBlock: '172.31.0.0/16' }] },
      DescribeFlowLogs: flowLogs as never,
    },
  });
const log = (TrafficType: string, ResourceId = VPC) => ({
  FlowLogId: 'fl-0123',
  ResourceId,
  FlowLogStatus: 'ACTIVE',
  TrafficType,
  LogDestinationType: 's3',
  DeliverLogsStatus: 'SUCCESS',
});

testCheck(check, {
  pass: [
    { name: 'ALL traffic logged', snapshot: withLogs({ FlowLogs: [log('ALL')] }), message: 'ALL' },
    { name: 'REJECT traffic logged', snapshot: withLogs({ FlowLogs: [log('REJECT')] }) },
  ],
  fail: [
    { name: 'no flow log', snapshot: withLogs({ FlowLogs: [] }), message: 'no active flow log on the default VPC' },
    {
      name: 'a flow log on another VPC only',
      snapshot: withLogs({ FlowLogs: [log('ALL', 'vpc-0other')] }),
      message: 'no active flow log',
    },
    {
      name: 'ACCEPT only',
      snapshot: withLogs({ FlowLogs: [log('ACCEPT')] }),
      message: 'rejected connections are not logged',
    },
  ],
  unknown: [
    {
      name: 'DescribeFlowLogs denied',
      snapshot: withLogs(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.')),
      message: 'UnauthorizedOperation on ec2:DescribeFlowLogs',
    },
  ],
});
