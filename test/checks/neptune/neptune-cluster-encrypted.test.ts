import check from '../../../src/checks/neptune/neptune-cluster-encrypted.ts';
import { testClusterCheck } from '../../support/db-cluster-builders.ts';

testClusterCheck(check, 'neptune', 'encrypted');
