import check from '../../../src/checks/opensearch/opensearch-domain-tls-policy.ts';
import { testCheck } from '../../support/check-tester.ts';
import { OPENSEARCH_UNKNOWNS, describeDomain, domainArn, oneDomain } from './opensearch-builders.ts';

const endpoint = (options: object) => oneDomain('logs', describeDomain('logs', { DomainEndpointOptions: options }));

testCheck(check, {
  pass: [
    {
      name: 'HTTPS with the 2023 PFS policy',
      snapshot: oneDomain('search', describeDomain('search')),
      message: 'search requires HTTPS with Policy-Min-TLS-1-2-PFS-2023-10',
    },
  ],
  fail: [
    {
      name: 'HTTPS with TLS 1.0 allowed',
      snapshot: endpoint({ EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' }),
      arn: domainArn('logs'),
      message: 'logs uses the TLS policy Policy-Min-TLS-1-0-2019-07, not Policy-Min-TLS-1-2-PFS-2023-10',
    },
    {
      name: 'TLS 1.2 but the older 2019 policy',
      snapshot: endpoint({ EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }),
      message: 'uses the TLS policy Policy-Min-TLS-1-2-2019-07',
    },
    {
      name: 'plain HTTP accepted',
      snapshot: endpoint({ EnforceHTTPS: false, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' }),
      message: 'logs accepts plain HTTP (EnforceHTTPS off)',
    },
  ],
  unknown: OPENSEARCH_UNKNOWNS,
});
