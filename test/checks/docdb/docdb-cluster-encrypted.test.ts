import check from '../../../src/checks/docdb/docdb-cluster-encrypted.ts';
import { testClusterCheck } from '../../support/db-cluster-builders.ts';

testClusterCheck(check, 'docdb', 'encrypted');
