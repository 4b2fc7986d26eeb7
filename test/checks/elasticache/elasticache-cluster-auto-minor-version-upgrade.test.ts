import check from '../../../src/checks/elasticache/elasticache-cluster-auto-minor-version-upgrade.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CLUSTERS_DENIED, cacheCluster, elasticache } from './elasticache-builders.ts';

const one = (fields: Record<string, unknown>) => elasticache({ clusters: [cacheCluster('jobs', fields)], groups: [] });

testCheck(check, {
  pass: [{ name: 'on', snapshot: one({}), message: 'jobs applies minor version upgrades automatically' }],
  fail: [
    {
      name: 'off',
      snapshot: one({ AutoMinorVersionUpgrade: false }),
      message: 'jobs does not apply minor version upgrades',
    },
    {
      name: 'off on Memcached too',
      snapshot: one({ Engine: 'memcached', EngineVersion: '1.6.22', AutoMinorVersionUpgrade: false }),
    },
  ],
  unknown: [CLUSTERS_DENIED],
});
