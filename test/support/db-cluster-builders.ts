import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import { snapshotOf } from './service-snapshot.ts';
import { ACCOUNT_ID, awsError } from './snapshot-builders.ts';

/** The service whose DescribeDBClusters lists the cluster: RDS's builder makes an Aurora MySQL cluster. */
type Engine = 'docdb' | 'neptune' | 'rds';

export const REGION = 'us-east-1';

export const clusterArn = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT_ID}:cluster:${id}`;

const RDS_FIELDS = {
  DBClusterParameterGroup: 'default.aurora-mysql8.0',
  Endpoint: (id: string) => `${id}.cluster-c9akciq32.${REGION}.rds.amazonaws.com`,
  EngineVersion: '8.0.mysql_aurora.3.08.0',
};

/** The DescribeDBClusters item of a healthy cluster of `engine` (`docdb`, `neptune`, or `rds`: Aurora MySQL). */
export function dbCluster(engine: Engine, id: string, overrides: Record<string, unknown> = {}) {
  if (engine === 'rds')
    return dbCluster('neptune', id, {
      DBClusterParameterGroup: RDS_FIELDS.DBClusterParameterGroup,
      Endpoint: RDS_FIELDS.Endpoint(id),
      ReaderEndpoint: RDS_FIELDS.Endpoint(id).replace('.cluster-', '.cluster-ro-'),
      Engine: 'aurora-mysql',
      EngineVersion: RDS_FIELDS.EngineVersion,
      Port: 3306,
      MasterUsername: 'orders_owner',
      EnabledCloudwatchLogsExports: ['audit', 'error', 'slowquery'],
      BacktrackWindow: 86400,
      BacktrackConsumedChangeRecords: 0,
      AutoMinorVersionUpgrade: true,
      ...overrides,
    });
  const docdb = engine === 'docdb';
  return {
    AvailabilityZones: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
    BackupRetentionPeriod: 7,
    DBClusterIdentifier: id,
    DBClusterParameterGroup: docdb ? 'default.docdb5.0' : 'default.neptune1.3',
    DBSubnetGroup: 'default',
    Status: 'available',
    EarliestRestorableTime: '2026-11-28T03:12:44.120Z',
    Endpoint: `${id}.cluster-c9akciq32.${REGION}.${docdb ? 'docdb' : 'neptune'}.amazonaws.com`,
    ReaderEndpoint: `${id}.cluster-ro-c9akciq32.${REGION}.${docdb ? 'docdb' : 'neptune'}.amazonaws.com`,
    MultiAZ: true,
    Engine: engine,
    EngineVersion: docdb ? '5.0.0' : '1.3.2.1',
    LatestRestorableTime: '2026-12-05T08:40:02.511Z',
    Port: docdb ? 27017 : 8182,
    MasterUsername: docdb ? 'docdbadmin' : 'admin',
    PreferredBackupWindow: '03:00-03:30',
    PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    ReadReplicaIdentifiers: [],
    DBClusterMembers: [
      {
        DBInstanceIdentifier: `${id}-1`,
        IsClusterWriter: true,
        DBClusterParameterGroupStatus: 'in-sync',
        PromotionTier: 1,
      },
      {
        DBInstanceIdentifier: `${id}-2`,
        IsClusterWriter: false,
        DBClusterParameterGroupStatus: 'in-sync',
        PromotionTier: 1,
      },
    ],
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0c4f2a7d9e1b35a68', Status: 'active' }],
    HostedZoneId: 'ZNKXH85TT8WVW',
    StorageEncrypted: true,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/7d3e1f0a-2b4c-4d5e-8f9a-0b1c2d3e4f5a`,
    DbClusterResourceId: 'cluster-R4M5N6O7P8Q9R0S1T2U3V4W5X6',
    DBClusterArn: clusterArn(id),
    AssociatedRoles: [],
    IAMDatabaseAuthenticationEnabled: true,
    ClusterCreateTime: '2026-03-02T10:15:31.402Z',
    EnabledCloudwatchLogsExports: docdb ? ['audit', 'profiler'] : ['audit'],
    DeletionProtection: true,
    CopyTagsToSnapshot: true,
    ...overrides,
  };
}

/** A snapshot whose `service` section lists `clusters` in the region. */
export function clustersSnapshot(service: Engine, clusters: object[]): Snapshot {
  return snapshotOf({ [service]: { [REGION]: { DescribeDBClusters: { DBClusters: clusters } } } });
}

/** The listing denied: every cluster of the region is hidden. */
export function deniedSnapshot(service: Engine): Snapshot {
  return snapshotOf({
    [service]: {
      [REGION]: {
        DescribeDBClusters: awsError(
          'AccessDenied',
          `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: rds:DescribeDBClusters on resource: arn:aws:rds:${REGION}:${ACCOUNT_ID}:cluster:* because no identity-based policy allows the rds:DescribeDBClusters action`,
        ),
      },
    },
  });
}

export const DENIED_ARN = clusterArn('*');

/** One case: a single cluster of `engine` that differs from a healthy one by `overrides`. */
export function clusterCase(
  engine: Engine,
  name: string,
  overrides: Record<string, unknown>,
  message: string,
  id = { docdb: 'orders-docdb', neptune: 'graph', rds: 'orders-aurora' }[engine],
) {
  return { name, snapshot: clustersSnapshot(engine, [dbCluster(engine, id, overrides)]), arn: clusterArn(id), message };
}

/** The unknown case every cluster check has: the listing denied hides the region's clusters. */
export function deniedCase(engine: Engine) {
  return {
    name: "DescribeDBClusters denied: the region's clusters are hidden",
    snapshot: deniedSnapshot(engine),
    arn: DENIED_ARN,
    message: `AccessDenied on ${engine}:DescribeDBClusters`,
  };
}
