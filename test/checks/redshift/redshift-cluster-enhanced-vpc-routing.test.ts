import check from '../../../src/checks/redshift/redshift-cluster-enhanced-vpc-routing.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CLUSTERS_DENIED, cluster, oneCluster } from './redshift-builders.ts';

testCheck(check, {
  pass: [{ name: 'on', snapshot: oneCluster(cluster('warehouse')), message: 'warehouse routes COPY and UNLOAD' }],
  fail: [
    {
      name: 'off',
      snapshot: oneCluster(cluster('analytics', { EnhancedVpcRouting: false })),
      message: 'analytics does not use enhanced VPC routing',
    },
  ],
  unknown: [CLUSTERS_DENIED],
});
