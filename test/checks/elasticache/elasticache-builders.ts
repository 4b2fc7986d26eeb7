import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const clusterArn = (id: string) => `arn:aws:elasticache:${REGION}:${ACCOUNT_ID}:cluster:${id}`;
export const groupArn = (id: string) => `arn:aws:elasticache:${REGION}:${ACCOUNT_ID}:replicationgroup:${id}`;
export const KEY = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f`;

/** One CacheClusters item as DescribeCacheClusters returns it (a standalone Valkey node meeting every control). */
export function cacheCluster(id: string, fields: Record<string, unknown> = {}) {
  return {
    CacheClusterId: id,
    ClientDownloadLandingPage: 'https://console.aws.amazon.com/elasticache/home#client-download:',
    CacheNodeType: 'cache.r7g.large',
    Engine: 'valkey',
    EngineVersion: '8.0.1',
    CacheClusterStatus: 'available',
    NumCacheNodes: 1,
    PreferredAvailabilityZone: `${REGION}a`,
    CacheClusterCreateTime: '2025-06-02T10:11:12.345Z',
    PreferredMaintenanceWindow: 'sun:05:00-sun:06:00',
    PendingModifiedValues: {},
    CacheSecurityGroups: [],
    CacheParameterGroup: {
      CacheParameterGroupName: 'default.valkey8',
      ParameterApplyStatus: 'in-sync',
      CacheNodeIdsToReboot: [],
    },
    CacheSubnetGroupName: 'cache-private',
    AutoMinorVersionUpgrade: true,
    SecurityGroups: [{ SecurityGroupId: 'sg-0a1b2c3d4e5f60718', Status: 'active' }],
    SnapshotRetentionLimit: 7,
    SnapshotWindow: '03:00-04:00',
    AuthTokenEnabled: false,
    TransitEncryptionEnabled: true,
    AtRestEncryptionEnabled: true,
    ARN: clusterArn(id),
    ReplicationGroupLogDeliveryEnabled: false,
    LogDeliveryConfigurations: [],
    NetworkType: 'ipv4',
    IpDiscovery: 'ipv4',
    ...fields,
  };
}

/** One ReplicationGroups item as DescribeReplicationGroups returns it (Redis OSS 7, meeting every control). */
export function replicationGroup(id: string, fields: Record<string, unknown> = {}) {
  return {
    ReplicationGroupId: id,
    Description: `${id} cache`,
    GlobalReplicationGroupInfo: {},
    Status: 'available',
    PendingModifiedValues: {},
    MemberClusters: [`${id}-001`, `${id}-002`],
    NodeGroups: [
      {
        NodeGroupId: '0001',
        Status: 'available',
        PrimaryEndpoint: { Address: `master.${id}.abc123.euw1.cache.amazonaws.com`, Port: 6379 },
        ReaderEndpoint: { Address: `replica.${id}.abc123.euw1.cache.amazonaws.com`, Port: 6379 },
        NodeGroupMembers: [
          {
            CacheClusterId: `${id}-001`,
            CacheNodeId: '0001',
            PreferredAvailabilityZone: `${REGION}a`,
            CurrentRole: 'primary',
          },
          {
            CacheClusterId: `${id}-002`,
            CacheNodeId: '0001',
            PreferredAvailabilityZone: `${REGION}b`,
            CurrentRole: 'replica',
          },
        ],
      },
    ],
    SnapshottingClusterId: `${id}-002`,
    AutomaticFailover: 'enabled',
    MultiAZ: 'enabled',
    SnapshotRetentionLimit: 7,
    SnapshotWindow: '03:00-04:00',
    ClusterEnabled: false,
    CacheNodeType: 'cache.r7g.large',
    AuthTokenEnabled: false,
    TransitEncryptionEnabled: true,
    AtRestEncryptionEnabled: true,
    KmsKeyId: KEY,
    ARN: groupArn(id),
    UserGroupIds: ['app-users'],
    LogDeliveryConfigurations: [],
    ReplicationGroupCreateTime: '2025-06-02T10:11:12.345Z',
    DataTiering: 'disabled',
    AutoMinorVersionUpgrade: true,
    NetworkType: 'ipv4',
    IpDiscovery: 'ipv4',
    TransitEncryptionMode: 'required',
    ClusterMode: 'disabled',
    Engine: 'redis',
    ...fields,
  };
}

/** The node clusters DescribeCacheClusters lists for a replication group, at `version`. */
export function membersOf(
  group: ReturnType<typeof replicationGroup>,
  version = '7.1.0',
  fields: Record<string, unknown> = {},
) {
  return group.MemberClusters.map((id) =>
    cacheCluster(id, {
      Engine: group.Engine,
      EngineVersion: version,
      ReplicationGroupId: group.ReplicationGroupId,
      SnapshotRetentionLimit: id === group.SnapshottingClusterId ? group.SnapshotRetentionLimit : 0,
      CacheParameterGroup: { CacheParameterGroupName: 'default.redis7', ParameterApplyStatus: 'in-sync' },
      ...fields,
    }),
  );
}

type Listing<K extends string> = Record<K, unknown[]> | { error: { name: string; message: string } };

/** One region answering both listings; a listing left out was not collected. */
export function elasticache(listings: {
  clusters?: Listing<'CacheClusters'> | unknown[];
  groups?: Listing<'ReplicationGroups'> | unknown[];
}): Snapshot {
  const wrap = (value: unknown, key: string) => (Array.isArray(value) ? { [key]: value } : value);
  return snapshotOf({
    elasticache: {
      [REGION]: {
        ...(listings.clusters === undefined ? {} : { DescribeCacheClusters: wrap(listings.clusters, 'CacheClusters') }),
        ...(listings.groups === undefined
          ? {}
          : { DescribeReplicationGroups: wrap(listings.groups, 'ReplicationGroups') }),
      },
    },
  } as Parameters<typeof snapshotOf>[0]);
}

/** The error a query-protocol service (ElastiCache) records for a denied call. */
export const denied = (action: string) =>
  awsError(
    'AccessDenied',
    `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: elasticache:${action} on resource: arn:aws:elasticache:${REGION}:${ACCOUNT_ID}:* because no identity-based policy allows the elasticache:${action} action`,
  );

export const CLUSTERS_DENIED = {
  name: "DescribeCacheClusters denied: the region's clusters are hidden",
  snapshot: elasticache({ clusters: denied('DescribeCacheClusters'), groups: [] }),
  arn: clusterArn('*'),
  message: 'AccessDenied on elasticache:DescribeCacheClusters',
};

export const GROUPS_DENIED = {
  name: "DescribeReplicationGroups denied: the region's groups are hidden",
  snapshot: elasticache({ clusters: [], groups: denied('DescribeReplicationGroups') }),
  arn: groupArn('*'),
  message: 'AccessDenied on elasticache:DescribeReplicationGroups',
};

/** A group and its node clusters, with `fields` replaced on the group. */
export function oneGroup(fields: Record<string, unknown> = {}, version = '7.1.0'): Snapshot {
  const group = replicationGroup('sessions', fields);
  return elasticache({ clusters: membersOf(group, version), groups: [group] });
}
