import check from '../../../src/checks/neptune/neptune-cluster-backup-retention.ts';
import { testClusterCheck } from '../../support/db-cluster-builders.ts';

testClusterCheck(check, 'neptune', 'backup-retention');
