import check from '../../../src/checks/rds/rds-cluster-copy-tags-to-snapshot.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('rds', 'tags copied', {}, 'copies its tags to its snapshots')],
  fail: [clusterCase('rds', 'the setting is off', { CopyTagsToSnapshot: false }, 'takes snapshots without its tags')],
  unknown: [deniedCase('rds')],
});
