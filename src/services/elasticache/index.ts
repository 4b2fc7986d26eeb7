import {
  DescribeCacheClustersCommand,
  DescribeReplicationGroupsCommand,
  ElastiCacheClient,
} from '@aws-sdk/client-elasticache';
import { defineService } from '../define-service.ts';
import { ELASTICACHE_LISTINGS } from './schema.ts';

/**
 * Amazon ElastiCache evidence of one region: the cache clusters (every node cluster of a replication group
 * included, as AWS lists them) and the replication groups. Serverless caches are not covered.
 */
export default defineService({
  name: 'elasticache',
  title: 'Amazon ElastiCache',
  scope: 'regional',
  client: ElastiCacheClient,
  operations: {
    DescribeCacheClusters: {
      command: DescribeCacheClustersCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'Marker', output: 'Marker', items: ['CacheClusters'] },
      response: ELASTICACHE_LISTINGS.DescribeCacheClusters,
      iam: ['elasticache:DescribeCacheClusters'],
    },
    DescribeReplicationGroups: {
      command: DescribeReplicationGroupsCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'Marker', output: 'Marker', items: ['ReplicationGroups'] },
      response: ELASTICACHE_LISTINGS.DescribeReplicationGroups,
      iam: ['elasticache:DescribeReplicationGroups'],
    },
  },
});
