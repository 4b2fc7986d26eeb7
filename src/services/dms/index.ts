import {
  DatabaseMigrationServiceClient,
  DescribeEndpointsCommand,
  DescribeReplicationInstancesCommand,
} from '@aws-sdk/client-database-migration-service';
import { defineService } from '../define-service.ts';
import { DMS_LISTINGS } from './schema.ts';

/** AWS Database Migration Service evidence of one region: the replication instances and the endpoints. */
export default defineService({
  name: 'dms',
  title: 'AWS Database Migration Service',
  scope: 'regional',
  client: DatabaseMigrationServiceClient,
  operations: {
    DescribeReplicationInstances: {
      command: DescribeReplicationInstancesCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'Marker', output: 'Marker', items: ['ReplicationInstances'] },
      response: DMS_LISTINGS.DescribeReplicationInstances,
      iam: ['dms:DescribeReplicationInstances'],
    },
    DescribeEndpoints: {
      command: DescribeEndpointsCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'Marker', output: 'Marker', items: ['Endpoints'] },
      response: DMS_LISTINGS.DescribeEndpoints,
      iam: ['dms:DescribeEndpoints'],
    },
  },
});
