import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';
import { REGION } from './rds-builders.ts';

const KEY = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

export const snapshotArn = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT_ID}:snapshot:${id}`;
export const clusterSnapshotArn = (id: string) => `arn:aws:rds:${REGION}:${ACCOUNT_ID}:cluster-snapshot:${id}`;

/** One DBSnapshots item as DescribeDBSnapshots returns it: a manual, encrypted snapshot of a PostgreSQL instance. */
export function dbSnapshot(id: string, overrides: Record<string, unknown> = {}) {
  return {
    DBSnapshotIdentifier: id,
    DBInstanceIdentifier: 'orders',
    SnapshotCreateTime: '2026-12-01T03:12:40.511Z',
    Engine: 'postgres',
    AllocatedStorage: 100,
    Status: 'available',
    Port: 5432,
    AvailabilityZone: `${REGION}a`,
    VpcId: 'vpc-0a1b2c3d4e5f60718',
    InstanceCreateTime: '2025-04-02T09:14:27.512Z',
    MasterUsername: 'orders_owner',
    EngineVersion: '16.4',
    LicenseModel: 'postgresql-license',
    SnapshotType: 'manual',
    PercentProgress: 100,
    StorageType: 'gp3',
    Encrypted: true,
    KmsKeyId: KEY,
    DBSnapshotArn: snapshotArn(id),
    IAMDatabaseAuthenticationEnabled: true,
    DbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY0',
    TagList: [],
    SnapshotTarget: 'region',
    ...overrides,
  };
}

/** One DBClusterSnapshots item as DescribeDBClusterSnapshots returns it: manual, encrypted, of an Aurora MySQL cluster. */
export function dbClusterSnapshot(id: string, overrides: Record<string, unknown> = {}) {
  return {
    AvailabilityZones: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
    DBClusterSnapshotIdentifier: id,
    DBClusterIdentifier: 'orders-aurora',
    SnapshotCreateTime: '2026-12-01T03:15:02.120Z',
    Engine: 'aurora-mysql',
    EngineMode: 'provisioned',
    AllocatedStorage: 1,
    Status: 'available',
    Port: 0,
    VpcId: 'vpc-0a1b2c3d4e5f60718',
    ClusterCreateTime: '2026-03-02T10:15:31.402Z',
    MasterUsername: 'orders_owner',
    EngineVersion: '8.0.mysql_aurora.3.08.0',
    LicenseModel: 'aurora-mysql',
    SnapshotType: 'manual',
    PercentProgress: 100,
    StorageEncrypted: true,
    KmsKeyId: KEY,
    DBClusterSnapshotArn: clusterSnapshotArn(id),
    IAMDatabaseAuthenticationEnabled: true,
    TagList: [],
    ...overrides,
  };
}

/** The `restore` attribute as DescribeDB[Cluster]SnapshotAttributes answer it. */
export function restoreAttribute(values: string[]) {
  return [{ AttributeName: 'restore', AttributeValues: values }];
}

/** A region whose snapshots are `snapshots`, with the attribute answers of the manual ones by identifier. */
type ErrorAnswer = ReturnType<typeof awsError>;

export function snapshotsSnapshot(
  snapshots: ReturnType<typeof dbSnapshot>[],
  attributes: Record<string, ReturnType<typeof dbSnapshotAttributes> | ErrorAnswer> = {},
): Snapshot {
  return snapshotOf({
    rds: { [REGION]: { DescribeDBSnapshots: { DBSnapshots: snapshots }, DescribeDBSnapshotAttributes: attributes } },
  });
}

export function clusterSnapshotsSnapshot(
  snapshots: ReturnType<typeof dbClusterSnapshot>[],
  attributes: Record<string, ReturnType<typeof dbClusterSnapshotAttributes> | ErrorAnswer> = {},
): Snapshot {
  return snapshotOf({
    rds: {
      [REGION]: {
        DescribeDBClusterSnapshots: { DBClusterSnapshots: snapshots },
        DescribeDBClusterSnapshotAttributes: attributes,
      },
    },
  });
}

export function dbSnapshotAttributes(id: string, values: string[]) {
  return { DBSnapshotAttributesResult: { DBSnapshotIdentifier: id, DBSnapshotAttributes: restoreAttribute(values) } };
}

export function dbClusterSnapshotAttributes(id: string, values: string[]) {
  return {
    DBClusterSnapshotAttributesResult: {
      DBClusterSnapshotIdentifier: id,
      DBClusterSnapshotAttributes: restoreAttribute(values),
    },
  };
}

export const denied = (operation: string) =>
  awsError(
    'AccessDenied',
    `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: rds:${operation} because no identity-based policy allows the rds:${operation} action`,
  );
