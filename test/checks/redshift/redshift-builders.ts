import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const clusterArn = (id: string) => `arn:aws:redshift:${REGION}:${ACCOUNT_ID}:cluster:${id}`;
export const KEY = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0`;
export const GROUP = 'warehouse-params';

/** One Clusters item as DescribeClusters returns it, meeting every control, with `fields` replaced. */
export function cluster(id: string, fields: Record<string, unknown> = {}) {
  return {
    ClusterIdentifier: id,
    NodeType: 'ra3.xlplus',
    ClusterStatus: 'available',
    ClusterAvailabilityStatus: 'Available',
    MasterUsername: 'warehouse_admin',
    DBName: 'dev',
    Endpoint: { Address: `${id}.c1a2b3c4d5e6.${REGION}.redshift.amazonaws.com`, Port: 5439 },
    ClusterCreateTime: '2025-03-11T08:21:44.109Z',
    AutomatedSnapshotRetentionPeriod: 7,
    ManualSnapshotRetentionPeriod: -1,
    ClusterSecurityGroups: [],
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60718', Status: 'active' }],
    ClusterParameterGroups: [{ ParameterGroupName: GROUP, ParameterApplyStatus: 'in-sync' }],
    ClusterSubnetGroupName: 'warehouse-private',
    VpcId: 'vpc-0a1b2c3d4e5f60718',
    AvailabilityZone: `${REGION}a`,
    PreferredMaintenanceWindow: 'sun:03:00-sun:03:30',
    ClusterVersion: '1.0',
    AllowVersionUpgrade: true,
    NumberOfNodes: 2,
    PubliclyAccessible: false,
    Encrypted: true,
    KmsKeyId: KEY,
    EnhancedVpcRouting: true,
    ClusterNamespaceArn: `arn:aws:redshift:${REGION}:${ACCOUNT_ID}:namespace:6a1f4c2e-9b3d-4e8a-b7c5-2d1e0f9a8b7c`,
    MaintenanceTrackName: 'current',
    MultiAZ: 'Disabled',
    ...fields,
  };
}

/** A DescribeLoggingStatus answer with logging to CloudWatch Logs. */
export const LOGGING_ON = {
  LoggingEnabled: true,
  LogDestinationType: 'cloudwatch',
  LogExports: ['connectionlog', 'userlog', 'useractivitylog'],
};

/** A DescribeClusterParameters answer (the parameters of a redshift-2.0 group) with `require_ssl` = `requireSsl` (null: not listed). */
export function parameters(requireSsl: string | null = 'true') {
  const listed = [
    { ParameterName: 'auto_analyze', ParameterValue: 'true', Source: 'engine-default', DataType: 'boolean' },
    { ParameterName: 'datestyle', ParameterValue: 'ISO, MDY', Source: 'engine-default', DataType: 'string' },
    {
      ParameterName: 'enable_user_activity_logging',
      ParameterValue: 'true',
      Source: 'user',
      DataType: 'boolean',
    },
    { ParameterName: 'max_concurrency_scaling_clusters', ParameterValue: '1', Source: 'engine-default' },
  ];
  return {
    Parameters: [
      ...listed.map((p) => ({ ...p, ApplyType: 'static', IsModifiable: true })),
      ...(requireSsl === null
        ? []
        : [
            {
              ParameterName: 'require_ssl',
              ParameterValue: requireSsl,
              Description: 'require ssl for all databaseconnections',
              Source: requireSsl === 'false' ? 'engine-default' : 'user',
              DataType: 'boolean',
              AllowedValues: 'true,false',
              ApplyType: 'static',
              IsModifiable: true,
            },
          ]),
    ],
  };
}

/** One region with one cluster; the follow-ups answer `logging` and `params` (left out: not collected). */
export function oneCluster(
  item: ReturnType<typeof cluster>,
  follow: { logging?: unknown; params?: unknown } = { logging: LOGGING_ON, params: parameters() },
): Snapshot {
  const groups = (item.ClusterParameterGroups as { ParameterGroupName: string }[]).map((g) => g.ParameterGroupName);
  return snapshotOf({
    redshift: {
      [REGION]: {
        DescribeClusters: { Clusters: [item] },
        ...(follow.logging === undefined
          ? {}
          : { DescribeLoggingStatus: { [item.ClusterIdentifier]: follow.logging } }),
        ...(follow.params === undefined
          ? {}
          : { DescribeClusterParameters: Object.fromEntries(groups.map((g) => [g, follow.params])) }),
      },
    },
  } as Parameters<typeof snapshotOf>[0]);
}

const denied = (action: string) =>
  awsError(
    'AccessDenied',
    `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: redshift:${action} on resource: arn:aws:redshift:${REGION}:${ACCOUNT_ID}:cluster:* because no identity-based policy allows the redshift:${action} action`,
  );

/** DescribeClusters denied: the region's clusters are hidden. */
export const CLUSTERS_DENIED = {
  name: "DescribeClusters denied: the region's clusters are hidden",
  snapshot: snapshotOf({ redshift: { [REGION]: { DescribeClusters: denied('DescribeClusters') } } }),
  arn: clusterArn('*'),
  message: 'AccessDenied on redshift:DescribeClusters',
};

export const LOGGING_DENIED = denied('DescribeLoggingStatus');
export const PARAMETERS_DENIED = denied('DescribeClusterParameters');
