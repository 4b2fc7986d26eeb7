import check from '../../../src/checks/opensearch/opensearch-domain-node-to-node-encryption.ts';
import { testCheck } from '../../support/check-tester.ts';
import { OPENSEARCH_UNKNOWNS, describeDomain, domainArn, oneDomain } from './opensearch-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'node-to-node on',
      snapshot: oneDomain('search', describeDomain('search')),
      message: 'search encrypts traffic between its nodes',
    },
  ],
  fail: [
    {
      name: 'node-to-node off',
      snapshot: oneDomain('logs', describeDomain('logs', { NodeToNodeEncryptionOptions: { Enabled: false } })),
      arn: domainArn('logs'),
      message: 'logs sends traffic between its nodes unencrypted',
    },
  ],
  unknown: OPENSEARCH_UNKNOWNS,
});
