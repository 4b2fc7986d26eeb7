import check from '../../../src/checks/redshift/redshift-cluster-major-version-upgrades.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CLUSTERS_DENIED, cluster, oneCluster } from './redshift-builders.ts';

testCheck(check, {
  pass: [{ name: 'allowed', snapshot: oneCluster(cluster('warehouse')), message: 'warehouse receives major version' }],
  fail: [
    {
      name: 'AllowVersionUpgrade off',
      snapshot: oneCluster(cluster('analytics', { AllowVersionUpgrade: false })),
      message: 'analytics does not allow major version upgrades',
    },
  ],
  unknown: [CLUSTERS_DENIED],
});
