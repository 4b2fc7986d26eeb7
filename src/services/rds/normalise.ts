import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe, present, type Observed, type Raw } from '../../model/observed.ts';
import { NON_RDS_ENGINES, normaliseDbClusters } from '../db-clusters.ts';
import type { NormaliseContext } from '../define-state.ts';
import type { Gap } from '../../model/resource.ts';
import type { RdsInstance, RdsSnapshot, RdsState } from './model.ts';
import type { RdsSection } from './schema.ts';

type Attributes = { AttributeName?: string; AttributeValues?: string[] }[] | undefined;

/** The query API's code and the SDK's name for a snapshot deleted between the listing and its attributes call. */
const SNAPSHOT_GONE = [
  'DBSnapshotNotFound',
  'DBSnapshotNotFoundFault',
  'DBClusterSnapshotNotFoundFault',
  'DBClusterSnapshotNotFound',
];

/** The `restore` attribute's accounts; a manual snapshot shared with nobody answers it with an empty list. */
function restoreAccounts<R>(
  type: string,
  raw: Raw<R>,
  operation: string,
  attributes: (r: R) => Attributes,
): Observed<string[]> {
  // automated (and AWS Backup) snapshots cannot be shared; their attributes are never asked
  if (type !== 'manual') return present([]);
  return observe(raw, operation, SNAPSHOT_GONE, (r) =>
    (attributes(r) ?? []).filter((a) => a.AttributeName === 'restore').flatMap((a) => a.AttributeValues ?? []),
  );
}

interface ListedSnapshot {
  id: string;
  arn: string | undefined;
  source: string | undefined;
  type: string | undefined;
  engine: string | undefined;
  encrypted: boolean | undefined;
  kmsKeyId: string | undefined;
}

function snapshotsOf<K extends 'rds-snapshot' | 'rds-cluster-snapshot'>(
  kind: K,
  listed: ListedSnapshot[],
  region: string,
  context: NormaliseContext,
  restore: (snapshot: ListedSnapshot, type: string) => Observed<string[]>,
): RdsSnapshot<K>[] {
  return listed.flatMap((s): RdsSnapshot<K>[] => {
    const type = s.type ?? 'unknown';
    const accounts = restore(s, type);
    // deleted between the listing and its attributes call: nothing left to judge
    if (accounts.kind === 'absent') return [];
    return [
      {
        kind,
        arn: s.arn ?? context.arn(kind, region, s.id),
        region,
        accountId: context.accountId,
        id: s.id,
        source: s.source,
        type,
        engine: s.engine ?? 'unknown',
        encrypted: s.encrypted === true,
        kmsKeyId: s.kmsKeyId,
        restoreAccounts: accounts,
      },
    ];
  });
}

/**
 * The DB instances, clusters and snapshots of every region; a failed listing is a gap (the checks of the kinds it
 * lists say unknown).
 */
export function normaliseRds(section: RdsSection, context: NormaliseContext): { state: RdsState; gaps: Gap[] } {
  const { accountId } = context;
  const gaps: Gap[] = [];
  const clusters = normaliseDbClusters(section, context, 'rds', 'rds-cluster', { except: NON_RDS_ENGINES });
  appendAll(gaps, clusters.gaps);
  const state: RdsState = { instances: [], clusters: clusters.clusters, snapshots: [], clusterSnapshots: [] };
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
    const entry = section[region] ?? {};
    const snapshots = listing(
      entry.DescribeDBSnapshots,
      { operation: 'rds:DescribeDBSnapshots', region },
      [context.hidden('rds-snapshot', region)],
      gaps,
      (r) =>
        r.DBSnapshots.map((s): ListedSnapshot => ({
          id: s.DBSnapshotIdentifier,
          arn: s.DBSnapshotArn,
          source: s.DBInstanceIdentifier,
          type: s.SnapshotType,
          engine: s.Engine,
          encrypted: s.Encrypted,
          kmsKeyId: s.KmsKeyId,
        })),
    );
    appendAll(
      state.snapshots,
      snapshotsOf('rds-snapshot', snapshots.items, region, context, (s, type) =>
        restoreAccounts(
          type,
          entry.DescribeDBSnapshotAttributes?.[s.id],
          'rds:DescribeDBSnapshotAttributes',
          (r) => r.DBSnapshotAttributesResult.DBSnapshotAttributes,
        ),
      ),
    );
    const clusterSnapshots = listing(
      entry.DescribeDBClusterSnapshots,
      { operation: 'rds:DescribeDBClusterSnapshots', region },
      [context.hidden('rds-cluster-snapshot', region)],
      gaps,
      (r) =>
        r.DBClusterSnapshots
          // DocumentDB's and Neptune's cluster snapshots are theirs
          .filter((s) => !(NON_RDS_ENGINES as readonly string[]).includes(s.Engine ?? ''))
          .map((s): ListedSnapshot => ({
            id: s.DBClusterSnapshotIdentifier,
            arn: s.DBClusterSnapshotArn,
            source: s.DBClusterIdentifier,
            type: s.SnapshotType,
            engine: s.Engine,
            encrypted: s.StorageEncrypted,
            kmsKeyId: s.KmsKeyId,
          })),
    );
    appendAll(
      state.clusterSnapshots,
      snapshotsOf('rds-cluster-snapshot', clusterSnapshots.items, region, context, (s, type) =>
        restoreAccounts(
          type,
          entry.DescribeDBClusterSnapshotAttributes?.[s.id],
          'rds:DescribeDBClusterSnapshotAttributes',
          (r) => r.DBClusterSnapshotAttributesResult.DBClusterSnapshotAttributes,
        ),
      ),
    );
  }
  return { state, gaps };
}
