import { ACCOUNT_ID } from './snapshot-builders.ts';

/** The message SSM gives with `AccessDeniedException` when the caller's policies lack the action. */
export const SSM_ACCESS_DENIED = {
  error: {
    name: 'AccessDeniedException',
    message: `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/auditor/cloudwarden is not authorized to perform: ssm:DescribeInstanceInformation on resource: arn:aws:ssm:ap-northeast-1:${ACCOUNT_ID}:* because no identity-based policy allows the ssm:DescribeInstanceInformation action`,
  },
};

/** One InstanceInformation as DescribeInstanceInformation returns it for an EC2 instance (dates as the snapshot stores them). */
export function managedNode(InstanceId: string, PingStatus: 'Online' | 'ConnectionLost' | 'Inactive' = 'Online') {
  return {
    InstanceId,
    PingStatus,
    LastPingDateTime: '2026-11-22T08:55:12.345Z',
    AgentVersion: '3.3.1142.0',
    IsLatestVersion: false,
    PlatformType: 'Linux',
    PlatformName: 'Amazon Linux',
    PlatformVersion: '2023',
    ResourceType: 'EC2Instance',
    IPAddress: '10.0.1.23',
    ComputerName: 'ip-10-0-1-23.ap-northeast-1.compute.internal',
    AssociationStatus: 'Success',
    LastAssociationExecutionDate: '2026-11-22T08:30:00.000Z',
    LastSuccessfulAssociationExecutionDate: '2026-11-22T08:30:00.000Z',
    AssociationOverview: { DetailedStatus: 'Success', InstanceAssociationStatusAggregatedCount: { Success: 1 } },
    SourceId: InstanceId,
    SourceType: 'AWS::EC2::Instance',
  };
}

/** The region's DescribeInstanceInformation answer: every page's nodes in one list, no NextToken. */
export function instanceInformation(...nodes: ReturnType<typeof managedNode>[]) {
  return { InstanceInformationList: nodes };
}
