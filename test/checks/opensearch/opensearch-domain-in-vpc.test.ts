import check from '../../../src/checks/opensearch/opensearch-domain-in-vpc.ts';
import { testCheck } from '../../support/check-tester.ts';
import { OPENSEARCH_UNKNOWNS, describeDomain, domainArn, oneDomain } from './opensearch-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'in a VPC',
      snapshot: oneDomain('search', describeDomain('search')),
      message: 'search is in vpc-0a1b2c3d4e5f60718',
    },
  ],
  fail: [
    {
      name: 'a public endpoint (no VPCOptions)',
      snapshot: oneDomain(
        'logs',
        describeDomain('logs', {
          VPCOptions: undefined,
          Endpoint: `search-logs-abcdefghijklmnop.eu-west-1.es.amazonaws.com`,
        }),
      ),
      arn: domainArn('logs'),
      message: 'logs has a public endpoint (not in a VPC)',
    },
  ],
  unknown: OPENSEARCH_UNKNOWNS,
});
