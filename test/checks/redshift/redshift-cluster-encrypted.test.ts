import check from '../../../src/checks/redshift/redshift-cluster-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CLUSTERS_DENIED, KEY, cluster, oneCluster } from './redshift-builders.ts';

testCheck(check, {
  pass: [
    { name: 'KMS', snapshot: oneCluster(cluster('warehouse')), message: `warehouse is encrypted at rest with ${KEY}` },
  ],
  fail: [
    {
      name: 'unencrypted (no KmsKeyId)',
      snapshot: oneCluster(cluster('analytics', { Encrypted: false, KmsKeyId: undefined })),
      message: 'analytics is not encrypted at rest',
    },
  ],
  unknown: [CLUSTERS_DENIED],
});
