import type { CodeResource } from '../code-resource.ts';
import { type IacEvidence } from '../evidence.ts';
import type { Value } from '../values.ts';
import { regionEntry } from './regional.ts';

export const RDS_OPERATIONS = ['rds:DescribeDBInstances'] as const;

/**
 * The checks that read each field the code may leave unresolved: one DescribeDBInstances answers six checks, and a
 * template without PubliclyAccessible must not hold back the encryption or backup verdicts.
 */
const READERS = {
  PubliclyAccessible: ['rds-instance-not-public'],
  StorageEncrypted: ['rds-instance-encrypted'],
  BackupRetentionPeriod: ['rds-instance-backups-enabled'],
  MultiAZ: ['rds-instance-multi-az'],
  DeletionProtection: ['rds-instance-deletion-protection'],
  AutoMinorVersionUpgrade: ['rds-instance-auto-minor-version-upgrade'],
  CopyTagsToSnapshot: ['rds-instance-copy-tags-to-snapshot'],
  MonitoringInterval: ['rds-instance-enhanced-monitoring'],
  IAMDatabaseAuthenticationEnabled: ['rds-instance-iam-authentication'],
  EnabledCloudwatchLogsExports: ['rds-instance-logs-to-cloudwatch'],
} as const;

/** A DB instance as the code creates it: DescribeDBInstances' fields, with AWS's defaults where the code sets none. */
export interface DbInstanceDraft {
  resource: CodeResource;
  identifier: string;
  item: {
    Engine: Value;
    DBClusterIdentifier?: Value;
    PubliclyAccessible: Value;
    StorageEncrypted: Value;
    AutoMinorVersionUpgrade: Value;
    MultiAZ: Value;
    DeletionProtection: Value;
    BackupRetentionPeriod: Value;
    CopyTagsToSnapshot: Value;
    MonitoringInterval: Value;
    IAMDatabaseAuthenticationEnabled: Value;
    EnabledCloudwatchLogsExports: Value;
  };
}

/** DescribeDBInstances as RDS would answer it for these instances. */
export function writeRds(instances: DbInstanceDraft[], region: string, evidence: IacEvidence): void {
  if (instances.length === 0) return;
  const entry = regionEntry(evidence, 'rds', region);
  entry.DescribeDBInstances = {
    DBInstances: instances.map((db) => {
      const arn = `arn:aws:rds:${region}:${evidence.accountId}:db:${db.identifier}`;
      evidence.declareCode(arn, db.resource);
      evidence.source(arn, 'rds:DescribeDBInstances', db.resource.span);
      const item = evidence.fieldsFor(arn, { ...db.item }, READERS);
      return evidence.listed(arn, 'rds:DescribeDBInstances', {
        DBInstanceIdentifier: db.identifier,
        DBInstanceArn: arn,
        ...item,
      });
    }),
  };
}
