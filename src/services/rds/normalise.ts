import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import type { NormaliseContext } from '../define-state.ts';
import type { Gap } from '../../model/resource.ts';
import type { RdsInstance, RdsState } from './model.ts';
import type { RdsSection } from './schema.ts';

/** The DB instances of every region; a failed DescribeDBInstances is a gap (its instances' checks say unknown). */
export function normaliseRds(section: RdsSection, context: NormaliseContext): { state: RdsState; gaps: Gap[] } {
  const { accountId } = context;
  const gaps: Gap[] = [];
  const state: RdsState = { instances: [] };
  for (const region of regionsOf(section, context.regions)) {
    const instances = listing(
      section[region]?.DescribeDBInstances,
      { operation: 'rds:DescribeDBInstances', region },
      [context.hidden('rds-instance', region)],
      gaps,
      (r) =>
        r.DBInstances.map((db): RdsInstance => ({
          kind: 'rds-instance',
          arn: db.DBInstanceArn ?? context.arn('rds-instance', region, db.DBInstanceIdentifier),
          region,
          accountId,
          identifier: db.DBInstanceIdentifier,
          engine: db.Engine ?? 'unknown',
          cluster: db.DBClusterIdentifier,
          publiclyAccessible: db.PubliclyAccessible === true,
          storageEncrypted: db.StorageEncrypted === true,
          autoMinorVersionUpgrade: db.AutoMinorVersionUpgrade === true,
          multiAz: db.MultiAZ === true,
          deletionProtection: db.DeletionProtection === true,
          backupRetentionDays: db.BackupRetentionPeriod ?? 0,
          monitoringIntervalSeconds: db.MonitoringInterval ?? 0,
          logExports: db.EnabledCloudwatchLogsExports ?? [],
          iamAuthentication: db.IAMDatabaseAuthenticationEnabled === true,
          copyTagsToSnapshot: db.CopyTagsToSnapshot === true,
        })),
    );
    appendAll(state.instances, instances.items);
  }
  return { state, gaps };
}
