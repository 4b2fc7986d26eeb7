import check from '../../../src/checks/docdb/docdb-cluster-deletion-protection.ts';
import { testClusterCheck } from '../../support/db-cluster-builders.ts';

testClusterCheck(check, 'docdb', 'deletion-protection');
