import check from '../../../src/checks/elasticache/elasticache-cluster-not-default-subnet-group.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CLUSTERS_DENIED, cacheCluster, elasticache } from './elasticache-builders.ts';

const one = (fields: Record<string, unknown>) => elasticache({ clusters: [cacheCluster('jobs', fields)], groups: [] });

testCheck(check, {
  pass: [{ name: 'a custom group', snapshot: one({}), message: 'jobs uses the subnet group cache-private' }],
  fail: [
    {
      name: 'default',
      snapshot: one({ CacheSubnetGroupName: 'default' }),
      message: 'jobs uses the default subnet group',
    },
    {
      name: 'none (EC2-Classic)',
      snapshot: one({ CacheSubnetGroupName: undefined }),
      message: 'jobs has no subnet group',
    },
  ],
  unknown: [CLUSTERS_DENIED],
});
