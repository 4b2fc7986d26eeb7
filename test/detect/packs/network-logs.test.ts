import { byService, cloudTrailRecord, describePack, readOnly, stratusRecord } from './pack-cases.ts';

const deleteFlowLogs = cloudTrailRecord(
  'ec2.amazonaws.com',
  'DeleteFlowLogs',
  { DeleteFlowLogsRequest: { FlowLogId: { tag: 1, content: 'fl-0a1b2c3d4e5f60718' } } },
  {
    DeleteFlowLogsResponse: {
      xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
      requestId: 'c0ffee00-0000-4000-8000-000000000001',
      unsuccessful: '',
    },
  },
);
const disassociateQueryLog = cloudTrailRecord(
  'route53resolver.amazonaws.com',
  'DisassociateResolverQueryLogConfig',
  { resolverQueryLogConfigId: 'rqlc-0123456789abcdef', resourceId: 'vpc-0a1b2c3d4e5f60718' },
  {
    resolverQueryLogConfigAssociation: {
      id: 'rqlca-0123456789abcdef',
      resolverQueryLogConfigId: 'rqlc-0123456789abcdef',
      resourceId: 'vpc-0a1b2c3d4e5f60718',
      status: 'DELETING',
    },
  },
);

describePack('network-logs.yaml', [
  {
    rule: 'VPC Flow Logs Deleted',
    fires: deleteFlowLogs,
    quiet: [
      [byService(deleteFlowLogs), 'a CloudFormation stack deleting the VPC it logged'],
      [readOnly(deleteFlowLogs, 'DescribeFlowLogs'), 'read-only call'],
      [{ ...deleteFlowLogs, eventName: 'CreateFlowLogs' }, 'flow logs created'],
    ],
  },
  {
    rule: 'VPC Flow Logs Deleted',
    fires: stratusRecord('aws.defense-evasion.vpc-remove-flow-logs', 'DeleteFlowLogs'),
    quiet: [],
  },
  {
    rule: 'Route 53 Resolver Query Logging Removed',
    fires: disassociateQueryLog,
    quiet: [
      [byService(disassociateQueryLog), 'a CloudFormation stack tearing down the VPC'],
      [readOnly(disassociateQueryLog, 'ListResolverQueryLogConfigAssociations'), 'read-only call'],
      [{ ...disassociateQueryLog, eventName: 'AssociateResolverQueryLogConfig' }, 'query logging attached'],
    ],
  },
  {
    rule: 'Route 53 Resolver Query Logging Removed',
    fires: stratusRecord('aws.defense-evasion.dns-delete-logs', 'DeleteResolverQueryLogConfig'),
    quiet: [],
  },
]);
