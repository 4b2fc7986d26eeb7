import check from '../../../src/checks/neptune/neptune-cluster-iam-authentication.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('neptune', 'IAM auth on', {}, 'authenticates requests with IAM')],
  fail: [
    clusterCase(
      'neptune',
      'the default (off)',
      { IAMDatabaseAuthenticationEnabled: false },
      'does not have IAM database authentication enabled',
    ),
  ],
  unknown: [deniedCase('neptune')],
});
