import check from '../../../src/checks/opensearch/opensearch-domain-error-logging.ts';
import { testCheck } from '../../support/check-tester.ts';
import { OPENSEARCH_UNKNOWNS, describeDomain, domainArn, oneDomain } from './opensearch-builders.ts';

const logGroup = (name: string) => `arn:aws:logs:eu-west-1:123456789012:log-group:/aws/opensearch/${name}`;

testCheck(check, {
  pass: [
    {
      name: 'application (error) logs published',
      snapshot: oneDomain('search', describeDomain('search')),
      message: 'search publishes error logs to CloudWatch Logs',
    },
  ],
  fail: [
    {
      name: 'error logs configured but disabled, slow logs on',
      snapshot: oneDomain(
        'quiet',
        describeDomain('quiet', {
          LogPublishingOptions: {
            ES_APPLICATION_LOGS: { CloudWatchLogsLogGroupArn: logGroup('errors'), Enabled: false },
            SEARCH_SLOW_LOGS: { CloudWatchLogsLogGroupArn: logGroup('slow'), Enabled: true },
          },
        }),
      ),
      arn: domainArn('quiet'),
      message: 'quiet does not publish error logs (ES_APPLICATION_LOGS); it publishes SEARCH_SLOW_LOGS',
    },
    {
      name: 'no log publishing at all',
      snapshot: oneDomain('quiet', describeDomain('quiet', { LogPublishingOptions: {} })),
      message: 'quiet does not publish error logs (ES_APPLICATION_LOGS)',
    },
  ],
  unknown: OPENSEARCH_UNKNOWNS,
});
