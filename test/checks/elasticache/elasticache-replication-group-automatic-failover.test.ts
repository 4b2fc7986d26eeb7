import check from '../../../src/checks/elasticache/elasticache-replication-group-automatic-failover.ts';
import { testCheck } from '../../support/check-tester.ts';
import { GROUPS_DENIED, oneGroup } from './elasticache-builders.ts';

testCheck(check, {
  pass: [{ name: 'enabled', snapshot: oneGroup(), message: 'sessions fails over automatically' }],
  fail: [
    {
      name: 'disabled (single node, no replica)',
      snapshot: oneGroup({ AutomaticFailover: 'disabled', MultiAZ: 'disabled', MemberClusters: ['sessions-001'] }),
      message: 'sessions does not fail over automatically (AutomaticFailover disabled)',
    },
    {
      name: 'still enabling',
      snapshot: oneGroup({ AutomaticFailover: 'enabling' }),
      message: '(AutomaticFailover enabling)',
    },
  ],
  unknown: [GROUPS_DENIED],
});
