import check from '../../../src/checks/opensearch/opensearch-domain-audit-logging.ts';
import { testCheck } from '../../support/check-tester.ts';
import { OPENSEARCH_UNKNOWNS, describeDomain, domainArn, oneDomain } from './opensearch-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'audit logs on',
      snapshot: oneDomain('search', describeDomain('search')),
      message: 'search publishes audit logs',
    },
  ],
  fail: [
    {
      name: 'only application logs',
      snapshot: oneDomain(
        'logs',
        describeDomain('logs', {
          LogPublishingOptions: {
            ES_APPLICATION_LOGS: {
              CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/os/app',
              Enabled: true,
            },
            AUDIT_LOGS: {
              CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/os/audit',
              Enabled: false,
            },
          },
        }),
      ),
      arn: domainArn('logs'),
      message: 'logs does not publish audit logs (publishes ES_APPLICATION_LOGS)',
    },
    {
      name: 'no log publishing',
      snapshot: oneDomain('logs', describeDomain('logs', { LogPublishingOptions: {} })),
      message: 'logs does not publish audit logs',
    },
  ],
  unknown: OPENSEARCH_UNKNOWNS,
});
