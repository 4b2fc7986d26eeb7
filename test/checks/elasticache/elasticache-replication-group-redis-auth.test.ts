import check from '../../../src/checks/elasticache/elasticache-replication-group-redis-auth.ts';
import { testCheck } from '../../support/check-tester.ts';
import { GROUPS_DENIED, denied, elasticache, oneGroup, replicationGroup } from './elasticache-builders.ts';

const legacy = { UserGroupIds: [], TransitEncryptionEnabled: true };

testCheck(check, {
  pass: [
    {
      name: 'Redis OSS 7: RBAC',
      snapshot: oneGroup(),
      message: 'sessions runs Redis OSS 7.1.0, where access is controlled',
    },
    {
      name: 'Redis OSS 5 with AUTH',
      snapshot: oneGroup({ ...legacy, AuthTokenEnabled: true }, '5.0.6'),
      message: 'requires an AUTH token',
    },
    { name: 'Valkey', snapshot: oneGroup({ Engine: 'valkey' }, '8.0.1'), message: 'sessions runs Valkey' },
  ],
  fail: [
    {
      name: 'Redis OSS 5 without AUTH',
      snapshot: oneGroup(legacy, '5.0.6'),
      message: 'sessions runs Redis OSS 5.0.6 without an AUTH token',
    },
    { name: 'Redis OSS 4', snapshot: oneGroup(legacy, '4.0.10') },
  ],
  unknown: [
    GROUPS_DENIED,
    {
      name: 'DescribeCacheClusters denied: the version is unknown',
      snapshot: elasticache({
        clusters: denied('DescribeCacheClusters'),
        groups: [replicationGroup('sessions', legacy)],
      }),
      message: 'AccessDenied on elasticache:DescribeCacheClusters',
    },
    {
      name: 'no node cluster listed',
      snapshot: elasticache({ clusters: [], groups: [replicationGroup('sessions', legacy)] }),
      message: 'no node cluster of the group was listed',
    },
  ],
});
