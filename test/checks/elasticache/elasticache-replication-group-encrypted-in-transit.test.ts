import check from '../../../src/checks/elasticache/elasticache-replication-group-encrypted-in-transit.ts';
import { testCheck } from '../../support/check-tester.ts';
import { GROUPS_DENIED, oneGroup } from './elasticache-builders.ts';

testCheck(check, {
  pass: [{ name: 'TLS required', snapshot: oneGroup(), message: 'sessions requires TLS' }],
  fail: [
    {
      name: 'off',
      snapshot: oneGroup({ TransitEncryptionEnabled: false, TransitEncryptionMode: undefined }),
      message: 'sessions does not encrypt traffic in transit',
    },
    {
      name: 'preferred: plain text still accepted',
      snapshot: oneGroup({ TransitEncryptionMode: 'preferred' }),
      message: 'sessions still accepts plain-text connections',
    },
  ],
  unknown: [GROUPS_DENIED],
});
