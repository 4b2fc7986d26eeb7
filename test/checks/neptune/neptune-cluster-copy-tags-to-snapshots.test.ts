import check from '../../../src/checks/neptune/neptune-cluster-copy-tags-to-snapshots.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('neptune', 'tags copied', {}, 'copies its tags to its snapshots')],
  fail: [
    clusterCase('neptune', 'not copied', { CopyTagsToSnapshot: false }, 'does not copy its tags to its snapshots'),
  ],
  unknown: [deniedCase('neptune')],
});
