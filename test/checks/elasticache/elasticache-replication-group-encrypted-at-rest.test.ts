import check from '../../../src/checks/elasticache/elasticache-replication-group-encrypted-at-rest.ts';
import { testCheck } from '../../support/check-tester.ts';
import { GROUPS_DENIED, KEY, oneGroup } from './elasticache-builders.ts';

testCheck(check, {
  pass: [{ name: 'KMS', snapshot: oneGroup(), message: `sessions is encrypted at rest with ${KEY}` }],
  fail: [
    {
      name: 'off',
      snapshot: oneGroup({ AtRestEncryptionEnabled: false, KmsKeyId: undefined }),
      message: 'sessions is not encrypted at rest',
    },
  ],
  unknown: [GROUPS_DENIED],
});
