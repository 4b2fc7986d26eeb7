import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import { RunState } from '../../src/collect/run-state.ts';
import cloudwatchService from '../../src/services/cloudwatch/index.ts';
import { collectService } from '../../src/services/collect-service.ts';
import logsService from '../../src/services/logs/index.ts';
import snsService from '../../src/services/sns/index.ts';

const CONTEXT = { region: 'us-east-1', accountId: '123456789012', partition: 'aws' };
const TOPIC = (name: string) => `arn:aws:sns:us-east-1:123456789012:${name}`;

const logs = mockClient(CloudWatchLogsClient);
const cloudwatch = mockClient(CloudWatchClient);
const sns = mockClient(SNSClient);
let clients: AwsClients;

beforeEach(async () => {
  logs.reset();
  cloudwatch.reset();
  sns.reset();
  clients = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
});
afterEach(() => clients.destroy());

describe('the CIS monitoring evidence (logs, cloudwatch, sns)', () => {
  it('keeps every page of the metric filters and alarms as one answer', async () => {
    const filter = (n: number) => ({
      filterName: `f${n}`,
      logGroupName: 'CloudTrail/DefaultLogGroup',
      filterPattern: '{ $.eventName = "StopLogging" }',
      metricTransformations: [{ metricName: `m${n}`, metricNamespace: 'CISBenchmark', metricValue: '1' }],
      creationTime: 1764547200000,
    });
    logs
      .on(DescribeMetricFiltersCommand)
      .resolves({ metricFilters: [filter(1)], nextToken: 'page-2' })
      .on(DescribeMetricFiltersCommand, { nextToken: 'page-2' })
      .resolves({ metricFilters: [filter(2)] });
    cloudwatch
      .on(DescribeAlarmsCommand)
      .resolves({ MetricAlarms: [{ AlarmName: 'a1', MetricName: 'm1', Namespace: 'CISBenchmark' }], NextToken: 't' })
      .on(DescribeAlarmsCommand, { NextToken: 't' })
      .resolves({
        MetricAlarms: [{ AlarmName: 'a2', MetricName: 'm2', Namespace: 'CISBenchmark' }],
        CompositeAlarms: [],
      });
    const run = new RunState(pLimit(4));
    const logsEntry = await collectService(logsService, clients, CONTEXT, run);
    const alarmsEntry = await collectService(cloudwatchService, clients, CONTEXT, run);
    expect(logsEntry.DescribeMetricFilters).toEqual({ metricFilters: [filter(1), filter(2)] });
    expect(alarmsEntry.DescribeAlarms).toMatchObject({
      MetricAlarms: [{ AlarmName: 'a1' }, { AlarmName: 'a2' }],
    });
    expect(cloudwatch.commandCalls(DescribeAlarmsCommand)[0]?.args[0].input).toMatchObject({
      AlarmTypes: ['MetricAlarm'],
    });
  });

  it('lists the subscriptions of every topic, keyed by topic ARN, without a cap', async () => {
    sns
      .on(ListTopicsCommand)
      .resolves({ Topics: [{ TopicArn: TOPIC('security-alerts') }], NextToken: 'next' })
      .on(ListTopicsCommand, { NextToken: 'next' })
      .resolves({ Topics: [{ TopicArn: TOPIC('unwatched') }] });
    sns.on(ListSubscriptionsByTopicCommand).callsFake(async ({ TopicArn }: { TopicArn: string }) => ({
      Subscriptions: [
        {
          SubscriptionArn: TopicArn.endsWith('alerts')
            ? `${TopicArn}:6b0e71bd-7e97-4d97-80ce-4a0994e55286`
            : 'PendingConfirmation',
          Owner: '123456789012',
          Protocol: 'email',
          Endpoint: 'security@example.com',
          TopicArn,
        },
      ],
    }));
    const run = new RunState(pLimit(4));
    const entry = await collectService(snsService, clients, CONTEXT, run);
    expect(entry.ListTopics).toEqual({
      Topics: [{ TopicArn: TOPIC('security-alerts') }, { TopicArn: TOPIC('unwatched') }],
    });
    expect(Object.keys(entry.ListSubscriptionsByTopic as object)).toEqual([
      TOPIC('security-alerts'),
      TOPIC('unwatched'),
    ]);
    expect(run.stats).toMatchObject({ calls: 4, errors: 0 });
  });
});
