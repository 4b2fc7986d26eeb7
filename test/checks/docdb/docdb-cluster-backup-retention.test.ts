import check from '../../../src/checks/docdb/docdb-cluster-backup-retention.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [
    clusterCase('docdb', '7 days', {}, 'keeps automated backups for 7 days'),
    clusterCase('docdb', '35 days, the maximum', { BackupRetentionPeriod: 35 }, 'for 35 days'),
  ],
  fail: [
    clusterCase(
      'docdb',
      'the default of 1 day',
      { BackupRetentionPeriod: 1 },
      'keeps automated backups for 1 day(s), fewer than 7',
    ),
  ],
  unknown: [deniedCase('docdb')],
});
