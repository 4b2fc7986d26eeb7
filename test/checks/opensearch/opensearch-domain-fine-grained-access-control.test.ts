import check from '../../../src/checks/opensearch/opensearch-domain-fine-grained-access-control.ts';
import { testCheck } from '../../support/check-tester.ts';
import { OPENSEARCH_UNKNOWNS, describeDomain, oneDomain } from './opensearch-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'fine-grained access control on',
      snapshot: oneDomain('search', describeDomain('search')),
      message: 'search has fine-grained access control enabled',
    },
  ],
  fail: [
    {
      name: 'AdvancedSecurityOptions disabled',
      snapshot: oneDomain(
        'open',
        describeDomain('open', {
          AdvancedSecurityOptions: { Enabled: false, InternalUserDatabaseEnabled: false, AnonymousAuthEnabled: false },
        }),
      ),
      message: 'open has no fine-grained access control',
    },
    {
      name: 'an Elasticsearch-era domain without AdvancedSecurityOptions',
      snapshot: oneDomain('old', describeDomain('old', { AdvancedSecurityOptions: undefined })),
      message: 'old has no fine-grained access control',
    },
  ],
  unknown: OPENSEARCH_UNKNOWNS,
});
