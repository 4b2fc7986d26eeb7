import check from '../../../src/checks/rds/rds-cluster-custom-admin-username.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('rds', 'a custom name', {}, 'uses the custom master username orders_owner')],
  fail: [
    clusterCase('rds', 'Aurora MySQL default', { MasterUsername: 'admin' }, 'keeps the default master username admin'),
    clusterCase(
      'rds',
      'Aurora PostgreSQL default',
      { Engine: 'aurora-postgresql', MasterUsername: 'postgres' },
      'keeps the default master username postgres',
    ),
  ],
  unknown: [
    deniedCase('rds'),
    clusterCase(
      'rds',
      'the listing leaves MasterUsername out',
      { MasterUsername: undefined },
      'MasterUsername missing',
    ),
  ],
});
