import check from '../../../src/checks/docdb/docdb-cluster-audit-logs.ts';
import { testClusterCheck } from '../../support/db-cluster-builders.ts';

testClusterCheck(check, 'docdb', 'audit-logs');
