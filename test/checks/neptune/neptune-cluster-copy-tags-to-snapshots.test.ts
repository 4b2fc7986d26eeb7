import check from '../../../src/checks/neptune/neptune-cluster-copy-tags-to-snapshots.ts';
import { testClusterCheck } from '../../support/db-cluster-builders.ts';

testClusterCheck(check, 'neptune', 'copy-tags-to-snapshots');
