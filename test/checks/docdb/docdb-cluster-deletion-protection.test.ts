import check from '../../../src/checks/docdb/docdb-cluster-deletion-protection.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('docdb', 'protected', {}, 'has deletion protection enabled')],
  fail: [
    clusterCase(
      'docdb',
      'the CreateDBCluster default',
      { DeletionProtection: false },
      'can be deleted without first turning deletion protection off',
    ),
  ],
  unknown: [deniedCase('docdb')],
});
