import check from '../../../src/checks/elasticache/elasticache-replication-group-automatic-backups.ts';
import { testCheck } from '../../support/check-tester.ts';
import { GROUPS_DENIED, oneGroup } from './elasticache-builders.ts';

testCheck(check, {
  pass: [{ name: '7 days', snapshot: oneGroup(), message: 'sessions keeps automatic backups for 7 day(s)' }],
  fail: [
    {
      name: 'retention 0',
      snapshot: oneGroup({ SnapshotRetentionLimit: 0, SnapshottingClusterId: undefined, SnapshotWindow: undefined }),
      message: 'sessions has automatic backups turned off',
    },
  ],
  unknown: [GROUPS_DENIED],
});
