import check from '../../../src/checks/rds/rds-cluster-iam-authentication.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('rds', 'IAM authentication on', {}, 'accepts IAM database authentication')],
  fail: [
    clusterCase(
      'rds',
      'passwords only',
      { IAMDatabaseAuthenticationEnabled: false },
      'orders-aurora (aurora-mysql) accepts database passwords only',
    ),
  ],
  unknown: [deniedCase('rds')],
});
