import type { z } from 'zod';
import { appendAll, listing, regionsOf } from '../model/normalise-regional.ts';
import { present } from '../model/observed.ts';
import type { Gap } from '../model/resource.ts';
import { DB_CLUSTERS_LISTINGS } from './db-clusters-schema.ts';
import type { NormaliseContext, ResourceKindDeclaration, StateOperation } from './define-state.ts';

// The model side of RDS, DocumentDB and Neptune clusters, all listed by the RDS API (see db-clusters-schema.ts).
type Listed = z.infer<typeof DB_CLUSTERS_LISTINGS.DescribeDBClusters>;
type Section = Record<string, { DescribeDBClusters?: Listed | { error: { name: string; message: string } } }>;

/** An RDS (Aurora, Multi-AZ), DocumentDB or Neptune cluster, ARN `arn:<partition>:rds:<region>:<account>:cluster:<identifier>`. */
export interface DbCluster<K extends string = string> {
  kind: K;
  arn: string;
  region: string;
  accountId: string;
  id: string;
  engine: string;
  storageEncrypted: boolean;
  kmsKeyId: string | undefined;
  /** days of automated backups (1 to 35; AWS allows no 0 for these engines) */
  backupRetentionDays: number | undefined;
  /** the log types exported to CloudWatch Logs (`audit`, `profiler`, `slowquery`) */
  logExports: string[];
  deletionProtection: boolean;
  iamAuthentication: boolean;
  multiAz: boolean;
  copyTagsToSnapshot: boolean;
  masterUsername: string | undefined;
  /** seconds Aurora MySQL can rewind the cluster; 0 when backtracking is off */
  backtrackWindowSeconds: number;
  /** undefined when the listing does not report it (older API answers for Aurora) */
  autoMinorVersionUpgrade: boolean | undefined;
}

/** The engines DocumentDB and Neptune list under; every other engine of the listing is an RDS cluster. */
export const NON_RDS_ENGINES = ['docdb', 'neptune'] as const;

/**
 * Which clusters of a listing are the service's: DocumentDB's and Neptune's are their engine's; RDS lists without
 * a filter (so an engine AWS adds later is still judged) and leaves the other services' engines to them.
 */
export type EngineSelection = { only: string } | { except: readonly string[] };

function selects(selection: EngineSelection, engine: string | undefined): boolean {
  if ('only' in selection) return (engine ?? selection.only) === selection.only;
  return engine === undefined || !selection.except.includes(engine);
}

/** The request of the engine's listing: the filter its own SDK adds, so other engines' clusters stay out. */
export function engineFilter(engine: string): object {
  return { Filters: [{ Name: 'engine', Values: [engine] }], MaxRecords: 100 };
}

/** The clusters of the selected engines in every region; a failed DescribeDBClusters is a gap (their checks say unknown). */
export function normaliseDbClusters<K extends string>(
  section: Section,
  context: NormaliseContext,
  service: string,
  kind: K,
  engines: EngineSelection,
): { clusters: DbCluster<K>[]; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const clusters: DbCluster<K>[] = [];
  for (const region of regionsOf(section, context.regions)) {
    const listed = listing(
      section[region]?.DescribeDBClusters,
      { operation: `${service}:DescribeDBClusters`, region },
      [context.hidden(kind, region)],
      gaps,
      (r: Listed) =>
        r.DBClusters
          // a filter already asked for the engine; a cluster of another engine is not this service's
          .filter((c) => selects(engines, c.Engine))
          .map((c): DbCluster<K> => ({
            kind,
            arn: c.DBClusterArn ?? context.arn(kind, region, c.DBClusterIdentifier),
            region,
            accountId: context.accountId,
            id: c.DBClusterIdentifier,
            engine: c.Engine ?? ('only' in engines ? engines.only : 'unknown'),
            storageEncrypted: c.StorageEncrypted === true,
            kmsKeyId: c.KmsKeyId,
            backupRetentionDays: c.BackupRetentionPeriod,
            logExports: c.EnabledCloudwatchLogsExports ?? [],
            deletionProtection: c.DeletionProtection === true,
            iamAuthentication: c.IAMDatabaseAuthenticationEnabled === true,
            multiAz: c.MultiAZ === true,
            copyTagsToSnapshot: c.CopyTagsToSnapshot === true,
            masterUsername: c.MasterUsername,
            backtrackWindowSeconds: c.BacktrackWindow ?? 0,
            autoMinorVersionUpgrade: c.AutoMinorVersionUpgrade,
          })),
    );
    appendAll(clusters, listed.items);
  }
  return { clusters, gaps };
}

/** The resource kind of a cluster: Security Hub names every RDS-API cluster `AwsRdsDbCluster`. */
export function dbClusterKind<K extends string, S>(
  of: (state: S) => DbCluster<K>[],
): ResourceKindDeclaration<DbCluster<K>, S> {
  return {
    securityHubType: 'AwsRdsDbCluster',
    // `cluster:<identifier>`: a colon where most services put a slash
    arn: ({ partition, region, accountId, id }) => `arn:${partition}:rds:${region}:${accountId}:cluster:${id}`,
    of,
  };
}

/** The cluster is its own evidence: a listing that failed hid it (a gap), one that answered named it. */
export function dbClusterListing<K extends string, S>(kind: K): StateOperation<S, DbCluster<K>> {
  return { scope: kind, read: (_state: S, cluster: DbCluster<K>) => present(cluster) };
}
