import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { idsIn } from '../change-event.ts';
import { NON_RDS_ENGINES } from '../db-clusters.ts';
import { defineService } from '../define-service.ts';
import { RDS_LISTINGS, RDS_PER_RESOURCE } from './schema.ts';

interface ListedSnapshot {
  SnapshotType?: string;
  Engine?: string;
}

/**
 * The manual snapshots of a listing, each asked for its attributes: only a manual snapshot can be shared (an
 * automated one must be copied first), and DocumentDB's and Neptune's cluster snapshots are not RDS's.
 */
function manualSnapshots<T extends ListedSnapshot>(
  listed: T[] | undefined,
  id: (snapshot: T) => string,
  input: (id: string) => object,
): { key: string; input: object }[] {
  return (listed ?? [])
    .filter((s) => s.SnapshotType === 'manual' && !(NON_RDS_ENGINES as readonly string[]).includes(s.Engine ?? ''))
    .map((s) => ({ key: id(s), input: input(id(s)) }));
}

/** Amazon RDS evidence of one region: DB instances (Aurora members included), DB clusters, and the own snapshots. */
export default defineService({
  name: 'rds',
  title: 'Amazon RDS',
  scope: 'regional',
  client: RDSClient,
  operations: {
    DescribeDBInstances: {
      command: DescribeDBInstancesCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'Marker', output: 'Marker', items: ['DBInstances'] },
      response: RDS_LISTINGS.DescribeDBInstances,
      iam: ['rds:DescribeDBInstances'],
    },
    // unfiltered, so an engine AWS adds later is judged too; DocumentDB and Neptune clusters are dropped when
    // normalised (their own services list them)
    DescribeDBClusters: {
      command: DescribeDBClustersCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'Marker', output: 'Marker', items: ['DBClusters'] },
      response: RDS_LISTINGS.DescribeDBClusters,
      iam: ['rds:DescribeDBClusters'],
    },
    // without SnapshotType RDS lists the account's manual and automated snapshots, not others' shared or public ones
    DescribeDBSnapshots: {
      command: DescribeDBSnapshotsCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'Marker', output: 'Marker', items: ['DBSnapshots'] },
      response: RDS_LISTINGS.DescribeDBSnapshots,
      iam: ['rds:DescribeDBSnapshots'],
    },
    DescribeDBClusterSnapshots: {
      command: DescribeDBClusterSnapshotsCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'Marker', output: 'Marker', items: ['DBClusterSnapshots'] },
      response: RDS_LISTINGS.DescribeDBClusterSnapshots,
      iam: ['rds:DescribeDBClusterSnapshots'],
    },
    // one call per manual snapshot, uncapped (the shared limiter paces them): RDS has no listing of public snapshots
    DescribeDBSnapshotAttributes: {
      command: DescribeDBSnapshotAttributesCommand,
      perResource: {
        after: ['DescribeDBSnapshots'],
        targets: (answers) =>
          manualSnapshots(
            (answers.DescribeDBSnapshots as { DBSnapshots?: (ListedSnapshot & { DBSnapshotIdentifier: string })[] })
              ?.DBSnapshots,
            (s) => s.DBSnapshotIdentifier,
            (id) => ({ DBSnapshotIdentifier: id }),
          ),
      },
      response: RDS_PER_RESOURCE.DescribeDBSnapshotAttributes,
      iam: ['rds:DescribeDBSnapshotAttributes'],
    },
    DescribeDBClusterSnapshotAttributes: {
      command: DescribeDBClusterSnapshotAttributesCommand,
      perResource: {
        after: ['DescribeDBClusterSnapshots'],
        targets: (answers) =>
          manualSnapshots(
            (
              answers.DescribeDBClusterSnapshots as {
                DBClusterSnapshots?: (ListedSnapshot & { DBClusterSnapshotIdentifier: string })[];
              }
            )?.DBClusterSnapshots,
            (s) => s.DBClusterSnapshotIdentifier,
            (id) => ({ DBClusterSnapshotIdentifier: id }),
          ),
      },
      response: RDS_PER_RESOURCE.DescribeDBClusterSnapshotAttributes,
      iam: ['rds:DescribeDBClusterSnapshotAttributes'],
    },
  },
  keyed: [
    {
      kind: 'rds-instance',
      keys: (event) => idsIn(event, ['dBInstanceIdentifier'], /^[A-Za-z][A-Za-z0-9-]{0,62}$/),
      narrow: { DescribeDBInstances: (key) => ({ DBInstanceIdentifier: key }) },
      // the query API's code, and the SDK's name for it
      notFound: ['DBInstanceNotFound', 'DBInstanceNotFoundFault'],
      arn: (key, { partition, region, accountId }) => `arn:${partition}:rds:${region}:${accountId}:db:${key}`,
      deletedBy: ['DeleteDBInstance'],
    },
  ],
});
