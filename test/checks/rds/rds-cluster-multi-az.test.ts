import check from '../../../src/checks/rds/rds-cluster-multi-az.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('rds', 'writer and reader in two zones', {}, 'more than one Availability Zone')],
  fail: [
    clusterCase(
      'rds',
      'a writer alone',
      {
        MultiAZ: false,
        DBClusterMembers: [
          {
            DBInstanceIdentifier: 'orders-aurora-1',
            IsClusterWriter: true,
            DBClusterParameterGroupStatus: 'in-sync',
            PromotionTier: 1,
          },
        ],
      },
      'all its DB instances in one Availability Zone',
    ),
  ],
  unknown: [deniedCase('rds')],
});
