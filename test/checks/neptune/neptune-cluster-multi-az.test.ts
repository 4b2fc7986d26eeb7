import check from '../../../src/checks/neptune/neptune-cluster-multi-az.ts';
import { testClusterCheck } from '../../support/db-cluster-builders.ts';

testClusterCheck(check, 'neptune', 'multi-az');
