import check from '../../../src/checks/opensearch/opensearch-domain-encrypted-at-rest.ts';
import { testCheck } from '../../support/check-tester.ts';
import { KEY, OPENSEARCH_UNKNOWNS, describeDomain, domainArn, oneDomain } from './opensearch-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'KMS encryption at rest',
      snapshot: oneDomain('search', describeDomain('search')),
      message: `search encrypts its data at rest with ${KEY}`,
    },
  ],
  fail: [
    {
      name: 'encryption at rest off',
      snapshot: oneDomain('logs', describeDomain('logs', { EncryptionAtRestOptions: { Enabled: false } })),
      arn: domainArn('logs'),
      message: 'logs stores its data unencrypted at rest',
    },
  ],
  unknown: OPENSEARCH_UNKNOWNS,
});
