import check from '../../../src/checks/redshift/redshift-cluster-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CLUSTERS_DENIED, cluster, oneCluster } from './redshift-builders.ts';

testCheck(check, {
  pass: [
    { name: 'private', snapshot: oneCluster(cluster('warehouse')), message: 'warehouse is not publicly accessible' },
  ],
  fail: [
    {
      name: 'publicly accessible, with a public address',
      snapshot: oneCluster(
        cluster('analytics', {
          PubliclyAccessible: true,
          ClusterNodes: [{ NodeRole: 'SHARED', PrivateIPAddress: '10.0.1.17', PublicIPAddress: '34.240.12.9' }],
        }),
      ),
      message: 'analytics is publicly accessible',
    },
  ],
  unknown: [CLUSTERS_DENIED],
});
