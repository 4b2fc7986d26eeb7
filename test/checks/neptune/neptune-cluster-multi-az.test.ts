import check from '../../../src/checks/neptune/neptune-cluster-multi-az.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('neptune', 'a reader in another zone', {}, 'has instances in more than one Availability Zone')],
  fail: [
    clusterCase(
      'neptune',
      'a single writer',
      {
        MultiAZ: false,
        DBClusterMembers: [
          {
            DBInstanceIdentifier: 'graph-1',
            IsClusterWriter: true,
            DBClusterParameterGroupStatus: 'in-sync',
            PromotionTier: 1,
          },
        ],
      },
      'runs in a single Availability Zone',
    ),
  ],
  unknown: [deniedCase('neptune')],
});
