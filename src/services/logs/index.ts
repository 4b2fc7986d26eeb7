import { CloudWatchLogsClient, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { LOGS_LISTINGS } from './schema.ts';
import { defineService } from '../define-service.ts';
import { camelNextTokenPages } from '../pagination.ts';

/** CloudWatch Logs evidence of one region: every metric filter, whatever its log group. */
export default defineService({
  name: 'logs',
  title: 'Amazon CloudWatch Logs',
  scope: 'regional',
  client: CloudWatchLogsClient,
  operations: {
    DescribeMetricFilters: {
      command: DescribeMetricFiltersCommand,
      input: () => ({ limit: 50 }),
      pages: camelNextTokenPages('metricFilters'),
      response: LOGS_LISTINGS.DescribeMetricFilters,
      iam: ['logs:DescribeMetricFilters'],
    },
  },
});
