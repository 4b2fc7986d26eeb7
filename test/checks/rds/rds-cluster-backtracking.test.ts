import check from '../../../src/checks/rds/rds-cluster-backtracking.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [
    clusterCase('rds', 'a 24-hour backtrack window', {}, 'can be backtracked up to 24 hour(s)'),
    clusterCase(
      'rds',
      'Aurora PostgreSQL, which has no backtracking',
      { Engine: 'aurora-postgresql', EngineVersion: '16.4', BacktrackWindow: undefined, Port: 5432 },
      'backtracking exists for Aurora MySQL only',
    ),
  ],
  fail: [
    // AWS leaves BacktrackWindow out of the answer when the cluster was created without one
    clusterCase('rds', 'no BacktrackWindow', { BacktrackWindow: undefined }, 'has backtracking off'),
    clusterCase('rds', 'a window of 0 (turned off)', { BacktrackWindow: 0 }, 'has backtracking off'),
  ],
  unknown: [deniedCase('rds')],
});
