import check from '../../../src/checks/neptune/neptune-cluster-iam-authentication.ts';
import { testClusterCheck } from '../../support/db-cluster-builders.ts';

testClusterCheck(check, 'neptune', 'iam-authentication');
