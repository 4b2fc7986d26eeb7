import check from '../../../src/checks/elasticache/elasticache-cluster-automatic-backups.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  CLUSTERS_DENIED,
  cacheCluster,
  clusterArn,
  elasticache,
  membersOf,
  replicationGroup,
} from './elasticache-builders.ts';

const one = (fields: Record<string, unknown>) => elasticache({ clusters: [cacheCluster('jobs', fields)], groups: [] });
const group = replicationGroup('sessions', { SnapshotRetentionLimit: 0 });

testCheck(check, {
  pass: [
    { name: 'Valkey with 7 days', snapshot: one({}), message: 'jobs keeps automatic backups for 7 day(s)' },
    {
      name: 'Redis OSS with 1 day',
      snapshot: one({ Engine: 'redis', EngineVersion: '7.1.0', SnapshotRetentionLimit: 1 }),
    },
    {
      name: 'Memcached keeps no backups',
      snapshot: one({ Engine: 'memcached', EngineVersion: '1.6.22', SnapshotRetentionLimit: undefined }),
      message: 'jobs runs Memcached',
    },
    {
      name: 'a node cluster of a replication group is left to the group check',
      snapshot: elasticache({ clusters: membersOf(group), groups: [group] }),
      arn: clusterArn('sessions-001'),
      message: 'belongs to replication group sessions',
    },
  ],
  fail: [
    {
      name: 'retention 0',
      snapshot: one({ SnapshotRetentionLimit: 0 }),
      message: 'jobs has automatic backups turned off',
    },
  ],
  unknown: [CLUSTERS_DENIED],
});
