import check from '../../../src/checks/rds/rds-cluster-auto-minor-version-upgrade.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('rds', 'upgrades on', {}, 'applies minor engine versions automatically')],
  fail: [
    clusterCase(
      'rds',
      'upgrades off',
      { AutoMinorVersionUpgrade: false },
      'waits for someone to apply each minor engine version',
    ),
  ],
  unknown: [
    deniedCase('rds'),
    clusterCase(
      'rds',
      'an answer without the field',
      { AutoMinorVersionUpgrade: undefined },
      'AutoMinorVersionUpgrade missing',
    ),
  ],
});
