import { appendAll, listing, regionsOf, type RegionalContext } from '../../model/normalise-regional.ts';
import type { Gap } from '../../model/resource.ts';
import type { RdsInstance, RdsState } from './model.ts';
import type { RdsSection } from './schema.ts';

/** The RDS ARN form: `db:<identifier>`, a colon where most services put a slash. */
export const instanceArn = ({
  partition,
  region,
  accountId,
  id,
}: {
  partition: string;
  region: string;
  accountId: string;
  id: string;
}) => `arn:${partition}:rds:${region}:${accountId}:db:${id}`;

/** The DB instances of every region; a failed DescribeDBInstances is a gap (its instances' checks say unknown). */
export function normaliseRds(section: RdsSection, context: RegionalContext): { state: RdsState; gaps: Gap[] } {
  const { accountId, partition } = context;
  const gaps: Gap[] = [];
  const state: RdsState = { instances: [] };
  for (const region of regionsOf(section, context.regions)) {
    const arn = (id: string) => instanceArn({ partition, region, accountId, id });
    const instances = listing(
      section[region]?.DescribeDBInstances,
      { operation: 'rds:DescribeDBInstances', region },
      [{ kind: 'rds-instance', arn: arn('*') }],
      gaps,
      (r) =>
        r.DBInstances.map((db): RdsInstance => ({
          kind: 'rds-instance',
          arn: db.DBInstanceArn ?? arn(db.DBInstanceIdentifier),
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
        })),
    );
    appendAll(state.instances, instances.items);
  }
  return { state, gaps };
}
