import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-central-1';

/** One DBInstances item as DescribeDBInstances returns it (hardened: private, encrypted, Multi-AZ, auto minor upgrades, monitored, IAM auth, logs exported). */
export function dbInstance(id: string, overrides: Record<string, unknown> = {}) {
  return {
    DBInstanceIdentifier: id,
    DBInstanceClass: 'db.m6g.large',
    Engine: 'postgres',
    DBInstanceStatus: 'available',
    MasterUsername: 'postgres',
    Endpoint: { Address: `${id}.c9akciq32.${REGION}.rds.amazonaws.com`, Port: 5432, HostedZoneId: 'Z1RLNUO7B9Q6NB' },
    AllocatedStorage: 100,
    InstanceCreateTime: '2025-04-02T09:14:27.512Z',
    BackupRetentionPeriod: 7,
    AvailabilityZone: `${REGION}a`,
    MultiAZ: true,
    EngineVersion: '16.4',
    AutoMinorVersionUpgrade: true,
    PubliclyAccessible: false,
    StorageType: 'gp3',
    StorageEncrypted: true,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    DbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY0',
    DBInstanceArn: `arn:aws:rds:${REGION}:${ACCOUNT_ID}:db:${id}`,
    IAMDatabaseAuthenticationEnabled: true,
    EnabledCloudwatchLogsExports: ['postgresql', 'upgrade'],
    DeletionProtection: true,
    CopyTagsToSnapshot: true,
    MonitoringInterval: 60,
    ...overrides,
  };
}

export function rdsSnapshot(...instances: ReturnType<typeof dbInstance>[]): Snapshot {
  return snapshotOf({ rds: { [REGION]: { DescribeDBInstances: { DBInstances: instances } } } });
}

export const DENIED = snapshotOf({
  rds: {
    [REGION]: {
      DescribeDBInstances: awsError(
        'AccessDenied',
        `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: rds:DescribeDBInstances`,
      ),
    },
  },
});
export const DENIED_ARN = `arn:aws:rds:${REGION}:${ACCOUNT_ID}:db:*`;
