import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CLOUDWATCH_LISTINGS } from './schema.ts';
import { defineService } from '../define-service.ts';
import { nextTokenPages } from '../pagination.ts';

/** CloudWatch evidence of one region: every metric alarm with its actions. */
export default defineService({
  name: 'cloudwatch',
  title: 'Amazon CloudWatch',
  scope: 'regional',
  client: CloudWatchClient,
  operations: {
    DescribeAlarms: {
      command: DescribeAlarmsCommand,
      input: () => ({ AlarmTypes: ['MetricAlarm'], MaxRecords: 100 }),
      pages: nextTokenPages('MetricAlarms'),
      response: CLOUDWATCH_LISTINGS.DescribeAlarms,
      iam: ['cloudwatch:DescribeAlarms'],
    },
  },
});
