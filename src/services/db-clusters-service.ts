import { DescribeDBClustersCommand, RDSClient } from '@aws-sdk/client-rds';
import { defineService } from './define-service.ts';
import { DB_CLUSTERS_LISTINGS } from './db-clusters-schema.ts';
import { engineFilter } from './db-clusters.ts';

/** The declaration of a service whose clusters the RDS API lists under its engine name (DocumentDB, Neptune). */
export function dbClusterService(name: string, title: string, engine: string) {
  return defineService({
    name,
    title,
    scope: 'regional',
    client: RDSClient,
    operations: {
      DescribeDBClusters: {
        command: DescribeDBClustersCommand,
        input: () => engineFilter(engine),
        pages: { input: 'Marker', output: 'Marker', items: ['DBClusters'] },
        response: DB_CLUSTERS_LISTINGS.DescribeDBClusters,
        // the DocumentDB and Neptune consoles and SDKs use the rds: actions
        iam: ['rds:DescribeDBClusters'],
      },
    },
  });
}
