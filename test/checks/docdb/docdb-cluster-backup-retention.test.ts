import check from '../../../src/checks/docdb/docdb-cluster-backup-retention.ts';
import { testClusterCheck } from '../../support/db-cluster-builders.ts';

testClusterCheck(check, 'docdb', 'backup-retention');
