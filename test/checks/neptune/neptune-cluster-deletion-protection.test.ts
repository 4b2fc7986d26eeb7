import check from '../../../src/checks/neptune/neptune-cluster-deletion-protection.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('neptune', 'protected', {}, 'has deletion protection enabled')],
  fail: [
    clusterCase(
      'neptune',
      'the CreateDBCluster default',
      { DeletionProtection: false },
      'can be deleted without first turning deletion protection off',
    ),
  ],
  unknown: [deniedCase('neptune')],
});
