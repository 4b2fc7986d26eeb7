import { dbClusterKind, dbClusterListing, normaliseDbClusters, type DbCluster } from '../db-clusters.ts';
import { defineServiceState } from '../define-state.ts';

export type DocdbCluster = DbCluster<'docdb-cluster'>;

export interface DocdbState {
  clusters: DocdbCluster[];
}

/** Amazon DocumentDB in the account state: `state.docdb` (clusters of every region). */
export default defineServiceState({
  sections: ['docdb'],
  normalise: (snapshot, context) => {
    const { clusters, gaps } = normaliseDbClusters(snapshot.docdb ?? {}, context, 'docdb', 'docdb-cluster', {
      only: 'docdb',
    });
    return { state: { clusters } satisfies DocdbState, gaps };
  },
  resources: {
    'docdb-cluster': dbClusterKind((state: DocdbState) => state.clusters),
  },
  operations: {
    'docdb:DescribeDBClusters': dbClusterListing<'docdb-cluster', DocdbState>('docdb-cluster'),
  },
});
