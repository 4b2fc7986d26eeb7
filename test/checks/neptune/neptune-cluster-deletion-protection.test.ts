import check from '../../../src/checks/neptune/neptune-cluster-deletion-protection.ts';
import { testClusterCheck } from '../../support/db-cluster-builders.ts';

testClusterCheck(check, 'neptune', 'deletion-protection');
