import { dbClusterKind, dbClusterListing, normaliseDbClusters, type DbCluster } from '../db-clusters.ts';
import { defineServiceState } from '../define-state.ts';

export type NeptuneCluster = DbCluster<'neptune-cluster'>;

export interface NeptuneState {
  clusters: NeptuneCluster[];
}

/** Amazon Neptune in the account state: `state.neptune` (clusters of every region). */
export default defineServiceState({
  sections: ['neptune'],
  normalise: (snapshot, context) => {
    const { clusters, gaps } = normaliseDbClusters(snapshot.neptune ?? {}, context, 'neptune', 'neptune-cluster', {
      only: 'neptune',
    });
    return { state: { clusters } satisfies NeptuneState, gaps };
  },
  resources: {
    'neptune-cluster': dbClusterKind((state: NeptuneState) => state.clusters),
  },
  operations: {
    'neptune:DescribeDBClusters': dbClusterListing<'neptune-cluster', NeptuneState>('neptune-cluster'),
  },
});
