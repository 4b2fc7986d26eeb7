import check from '../../../src/checks/redshift/redshift-cluster-custom-admin-username.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CLUSTERS_DENIED, cluster, oneCluster } from './redshift-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'a custom name',
      snapshot: oneCluster(cluster('warehouse')),
      message: 'warehouse uses the admin user name warehouse_admin',
    },
    {
      name: 'only the exact default fails (AWSUSER is another name)',
      snapshot: oneCluster(cluster('warehouse', { MasterUsername: 'awsuser_ops' })),
    },
  ],
  fail: [
    {
      name: 'the console default',
      snapshot: oneCluster(cluster('analytics', { MasterUsername: 'awsuser' })),
      message: 'analytics uses the default admin user name awsuser',
    },
  ],
  unknown: [CLUSTERS_DENIED],
});
