import check from '../../../src/checks/neptune/neptune-cluster-audit-logs.ts';
import { testClusterCheck } from '../../support/db-cluster-builders.ts';

testClusterCheck(check, 'neptune', 'audit-logs');
