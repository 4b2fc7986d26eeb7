import check from '../../../src/checks/opensearch/opensearch-domain-software-updated.ts';
import { testCheck } from '../../support/check-tester.ts';
import { OPENSEARCH_UNKNOWNS, describeDomain, oneDomain } from './opensearch-builders.ts';

const waiting = {
  ServiceSoftwareOptions: {
    CurrentVersion: 'OpenSearch_2_11_R20231113-P1',
    NewVersion: 'OpenSearch_2_11_R20240502',
    UpdateAvailable: true,
    Cancellable: false,
    UpdateStatus: 'ELIGIBLE',
    Description: 'A newer release OpenSearch_2_11_R20240502 is available.',
    AutomatedUpdateDate: '1970-01-01T00:00:00.000Z',
    OptionalDeployment: true,
  },
};

testCheck(check, {
  pass: [
    {
      name: 'no update waiting',
      snapshot: oneDomain('search', describeDomain('search')),
      message: 'search runs OpenSearch_2_19_R20250630-P1, with no service software update waiting',
    },
  ],
  fail: [
    {
      name: 'an update is available',
      snapshot: oneDomain('stale', describeDomain('stale', waiting)),
      message:
        'stale runs OpenSearch_2_11_R20231113-P1 and service software update OpenSearch_2_11_R20240502 is available (status ELIGIBLE)',
    },
  ],
  unknown: OPENSEARCH_UNKNOWNS,
});
