import check from '../../../src/checks/neptune/neptune-cluster-backup-retention.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [
    clusterCase('neptune', '7 days', {}, 'keeps automated backups for 7 days'),
    clusterCase('neptune', '35 days, the maximum', { BackupRetentionPeriod: 35 }, 'for 35 days'),
  ],
  fail: [
    clusterCase(
      'neptune',
      'the default of 1 day',
      { BackupRetentionPeriod: 1 },
      'keeps automated backups for 1 day(s), fewer than 7',
    ),
  ],
  unknown: [deniedCase('neptune')],
});
