import { dbClusterKind, dbClusterListing } from '../db-clusters.ts';
import { defineServiceState } from '../define-state.ts';
import { present } from '../../model/observed.ts';
import type { RdsInstance, RdsSnapshot, RdsState } from './model.ts';
import { normaliseRds } from './normalise.ts';

/** Amazon RDS in the account state: `state.rds` (DB instances, clusters and the own snapshots of every region). */
export default defineServiceState({
  sections: ['rds'],
  normalise: (snapshot, context) => normaliseRds(snapshot.rds ?? {}, context),
  resources: {
    'rds-instance': {
      securityHubType: 'AwsRdsDbInstance',
      // `db:<identifier>`: a colon where most services put a slash
      arn: ({ partition, region, accountId, id }) => `arn:${partition}:rds:${region}:${accountId}:db:${id}`,
      of: (state: RdsState) => state.instances,
    },
    'rds-cluster': dbClusterKind((state: RdsState) => state.clusters),
    'rds-snapshot': {
      securityHubType: 'AwsRdsDbSnapshot',
      arn: ({ partition, region, accountId, id }) => `arn:${partition}:rds:${region}:${accountId}:snapshot:${id}`,
      of: (state: RdsState) => state.snapshots,
    },
    'rds-cluster-snapshot': {
      securityHubType: 'AwsRdsDbClusterSnapshot',
      arn: ({ partition, region, accountId, id }) =>
        `arn:${partition}:rds:${region}:${accountId}:cluster-snapshot:${id}`,
      of: (state: RdsState) => state.clusterSnapshots,
    },
  },
  operations: {
    // the instance is its own evidence: a listing that failed hid it (a gap), one that answered named it
    'rds:DescribeDBInstances': { scope: 'rds-instance', read: (_state: RdsState, db: RdsInstance) => present(db) },
    'rds:DescribeDBClusters': dbClusterListing<'rds-cluster', RdsState>('rds-cluster'),
    'rds:DescribeDBSnapshots': {
      scope: 'rds-snapshot',
      read: (_state: RdsState, s: RdsSnapshot<'rds-snapshot'>) => present(s),
    },
    'rds:DescribeDBClusterSnapshots': {
      scope: 'rds-cluster-snapshot',
      read: (_state: RdsState, s: RdsSnapshot<'rds-cluster-snapshot'>) => present(s),
    },
    'rds:DescribeDBSnapshotAttributes': {
      scope: 'rds-snapshot',
      read: (_state: RdsState, s: RdsSnapshot<'rds-snapshot'>) => s.restoreAccounts,
    },
    'rds:DescribeDBClusterSnapshotAttributes': {
      scope: 'rds-cluster-snapshot',
      read: (_state: RdsState, s: RdsSnapshot<'rds-cluster-snapshot'>) => s.restoreAccounts,
    },
  },
});
