import type { MonitoringControl } from '../../src/checks/monitoring/controls.ts';
import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import type { CloudWatchSection } from '../../src/services/cloudwatch/schema.ts';
import type { LogsSection } from '../../src/services/logs/schema.ts';
import type { SnsSection } from '../../src/services/sns/schema.ts';
import type { CheckCase } from './check-tester.ts';
import { cloudtrailSnapshot, HOME, TRAIL_ARN, trail } from './cloudtrail-builders.ts';
import { ACCOUNT_ID, awsError } from './snapshot-builders.ts';

/** The log group `trail()` delivers to (its CloudWatchLogsLogGroupArn). */
export const LOG_GROUP = 'cloudtrail';
export const TOPIC = `arn:aws:sns:${HOME}:${ACCOUNT_ID}:security-alerts`;
const OTHER = 'ap-northeast-1';

/** A metric filter as DescribeMetricFilters lists it, by default the control's own pattern on the trail's group. */
export function metricFilter(control: MonitoringControl, overrides: Record<string, unknown> = {}) {
  return {
    filterName: control.metricName,
    filterPattern: control.pattern,
    metricTransformations: [{ metricName: control.metricName, metricNamespace: 'CISBenchmark', metricValue: '1' }],
    creationTime: 1767603164000,
    logGroupName: LOG_GROUP,
    applyOnTransformedLogs: false,
    ...overrides,
  };
}

/** A metric alarm as DescribeAlarms lists it, on the control's metric, notifying TOPIC. */
export function metricAlarm(control: MonitoringControl, overrides: Record<string, unknown> = {}) {
  return {
    AlarmName: control.metricName,
    AlarmArn: `arn:aws:cloudwatch:${HOME}:${ACCOUNT_ID}:alarm:${control.metricName}`,
    AlarmConfigurationUpdatedTimestamp: '2026-01-05T09:12:44.312Z',
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [TOPIC],
    InsufficientDataActions: [],
    StateValue: 'OK',
    StateReason:
      'Threshold Crossed: 1 datapoint [0.0 (05/01/26 09:07:00)] was not greater than or equal to the threshold (1.0).',
    StateUpdatedTimestamp: '2026-01-05T09:12:44.312Z',
    MetricName: control.metricName,
    Namespace: 'CISBenchmark',
    Statistic: 'Sum',
    Dimensions: [],
    Period: 300,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
    StateTransitionedTimestamp: '2026-01-05T09:12:44.312Z',
    ...overrides,
  };
}

export function subscription(confirmed = true, topic = TOPIC) {
  return {
    SubscriptionArn: confirmed ? `${topic}:8a21d249-4329-4871-acc6-7be709c6ea7f` : 'PendingConfirmation',
    Owner: ACCOUNT_ID,
    Protocol: 'email',
    Endpoint: 'security@example.com',
    TopicArn: topic,
  };
}

const DENIED = (action: string) =>
  `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/auditor/cloudwarden is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;

export const DENIED_FILTERS = awsError('AccessDeniedException', DENIED('logs:DescribeMetricFilters'));
export const DENIED_ALARMS = awsError('AccessDenied', DENIED('cloudwatch:DescribeAlarms'));
export const DENIED_SUBSCRIPTIONS = awsError('AuthorizationErrorException', DENIED('SNS:ListSubscriptionsByTopic'));

type Home<S> = S extends Record<string, infer E> ? Partial<NonNullable<E>> : never;

/**
 * A snapshot with the whole chain for `control`: the multi-region trail delivering to LOG_GROUP, the control's
 * metric filter, an alarm on it and TOPIC with a confirmed subscription; each part overridable in the home region.
 */
export function monitoringSnapshot(
  control: MonitoringControl,
  parts: {
    pattern?: string;
    trails?: ReturnType<typeof trail>[];
    cloudtrail?: Parameters<typeof cloudtrailSnapshot>[0];
    logs?: Home<LogsSection>;
    cloudwatch?: Home<CloudWatchSection>;
    sns?: Home<SnsSection>;
  } = {},
): Snapshot {
  const base = cloudtrailSnapshot({ trails: parts.trails ?? [trail()], ...parts.cloudtrail });
  const filter = metricFilter(control, parts.pattern === undefined ? {} : { filterPattern: parts.pattern });
  return {
    ...base,
    logs: {
      [HOME]: { DescribeMetricFilters: { metricFilters: [filter] }, ...parts.logs },
      [OTHER]: { DescribeMetricFilters: { metricFilters: [] } },
    },
    cloudwatch: {
      [HOME]: { DescribeAlarms: { MetricAlarms: [metricAlarm(control)] }, ...parts.cloudwatch },
      [OTHER]: { DescribeAlarms: { MetricAlarms: [] } },
    },
    sns: {
      [HOME]: {
        ListTopics: { Topics: [{ TopicArn: TOPIC }] },
        ListSubscriptionsByTopic: { [TOPIC]: { Subscriptions: [subscription()] } },
        ...parts.sns,
      },
      [OTHER]: { ListTopics: { Topics: [] } },
    },
  };
}

/** The control's event names (the labels of the "changes" controls), less `left`: a narrower filter. */
export function patternWithout(control: MonitoringControl, ...left: string[]): string {
  const names = control.events.map((e) => e.label).filter((n) => !left.includes(n));
  return `{ ${names.map((n) => `($.eventName = "${n}")`).join(' || ')} }`;
}

/** What every monitoring check decides the same way: the trail, the alarm and the topic. */
export function chainCases(control: MonitoringControl): { pass: CheckCase[]; fail: CheckCase[]; unknown: CheckCase[] } {
  const S = (parts: Parameters<typeof monitoringSnapshot>[1]) => monitoringSnapshot(control, parts);
  return {
    pass: [
      {
        name: "the benchmark's filter, an alarm, a confirmed email subscription",
        snapshot: S({}),
        message: `metric filter ${control.metricName} on log group ${LOG_GROUP} → alarm ${control.metricName} notifies topic ${TOPIC} (1 confirmed subscription(s))`,
      },
      {
        name: 'an alarm on a metric math expression over the metric',
        snapshot: S({
          cloudwatch: {
            DescribeAlarms: {
              MetricAlarms: [
                metricAlarm(control, {
                  MetricName: undefined,
                  Namespace: undefined,
                  Statistic: undefined,
                  Metrics: [
                    {
                      Id: 'm1',
                      MetricStat: {
                        Metric: { Namespace: 'CISBenchmark', MetricName: control.metricName, Dimensions: [] },
                        Period: 300,
                        Stat: 'Sum',
                      },
                      ReturnData: true,
                    },
                  ],
                }),
              ],
            },
          },
        }),
      },
      {
        name: 'one topic pending confirmation, another confirmed',
        snapshot: S({
          cloudwatch: {
            DescribeAlarms: { MetricAlarms: [metricAlarm(control, { AlarmActions: [`${TOPIC}-pending`, TOPIC] })] },
          },
          sns: {
            ListTopics: { Topics: [{ TopicArn: TOPIC }, { TopicArn: `${TOPIC}-pending` }] },
            ListSubscriptionsByTopic: {
              [TOPIC]: { Subscriptions: [subscription()] },
              [`${TOPIC}-pending`]: { Subscriptions: [subscription(false, `${TOPIC}-pending`)] },
            },
          },
        }),
      },
    ],
    fail: [
      { name: 'no trail', snapshot: S({ trails: [] }), message: 'no CloudTrail trail' },
      {
        name: 'the only trail is single-region',
        snapshot: S({ trails: [trail({ IsMultiRegionTrail: false })] }),
        message: 'trail main is single-region',
      },
      {
        name: 'the trail records management writes only',
        snapshot: S({
          cloudtrail: {
            selectors: {
              TrailARN: TRAIL_ARN,
              EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [] }],
            },
          },
        }),
        message: 'does not record management read events',
      },
      {
        name: 'the trail does not deliver to CloudWatch Logs',
        snapshot: S({ trails: [trail({ CloudWatchLogsLogGroupArn: undefined })] }),
        message: 'trail main does not deliver to CloudWatch Logs',
      },
      {
        name: "the filter is on another log group than the trail's",
        snapshot: S({
          logs: { DescribeMetricFilters: { metricFilters: [metricFilter(control, { logGroupName: 'app-logs' })] } },
        }),
        message: `no metric filter on log group ${LOG_GROUP} (trail main) matches ${control.subject}`,
      },
      {
        name: 'only an unrelated filter on the log group',
        snapshot: S({ pattern: '{ ($.eventSource = "s3.amazonaws.com") && ($.eventName = "GetObject") }' }),
        message: `no metric filter on log group ${LOG_GROUP} (trail main) matches ${control.subject}`,
      },
      {
        name: 'no alarm on the metric',
        snapshot: S({ cloudwatch: { DescribeAlarms: { MetricAlarms: [] } } }),
        message: `(metric CISBenchmark/${control.metricName}) has no alarm`,
      },
      {
        name: 'an alarm on the same metric name in another namespace',
        snapshot: S({
          cloudwatch: { DescribeAlarms: { MetricAlarms: [metricAlarm(control, { Namespace: 'LogMetrics' })] } },
        }),
        message: 'has no alarm',
      },
      {
        name: 'the alarm has its actions disabled',
        snapshot: S({
          cloudwatch: { DescribeAlarms: { MetricAlarms: [metricAlarm(control, { ActionsEnabled: false })] } },
        }),
        message: 'has its actions disabled',
      },
      {
        name: 'the alarm only stops an instance',
        snapshot: S({
          cloudwatch: {
            DescribeAlarms: {
              MetricAlarms: [metricAlarm(control, { AlarmActions: [`arn:aws:automate:${HOME}:ec2:stop`] })],
            },
          },
        }),
        message: 'notifies no SNS topic',
      },
      {
        name: 'the subscription was never confirmed',
        snapshot: S({
          sns: { ListSubscriptionsByTopic: { [TOPIC]: { Subscriptions: [subscription(false)] } } },
        }),
        message: 'has no confirmed subscription (1 pending confirmation)',
      },
      {
        name: 'the topic was deleted',
        snapshot: S({ sns: { ListTopics: { Topics: [] }, ListSubscriptionsByTopic: {} } }),
        message: 'which does not exist',
      },
    ],
    unknown: [
      {
        name: 'DescribeMetricFilters denied in the log group region',
        snapshot: S({ logs: { DescribeMetricFilters: DENIED_FILTERS } }),
        message: `AccessDeniedException on logs:DescribeMetricFilters`,
      },
      {
        name: 'DescribeAlarms denied in the log group region',
        snapshot: S({ cloudwatch: { DescribeAlarms: DENIED_ALARMS } }),
        message: 'AccessDenied on cloudwatch:DescribeAlarms',
      },
      {
        name: 'ListSubscriptionsByTopic denied',
        snapshot: S({ sns: { ListSubscriptionsByTopic: { [TOPIC]: DENIED_SUBSCRIPTIONS } } }),
        message: 'AuthorizationErrorException on sns:ListSubscriptionsByTopic',
      },
      {
        name: 'GetEventSelectors denied',
        snapshot: S({
          cloudtrail: { selectors: awsError('AccessDeniedException', DENIED('cloudtrail:GetEventSelectors')) },
        }),
        message: 'AccessDeniedException on cloudtrail:GetEventSelectors',
      },
      {
        name: 'an organization trail delivering to a log group of the management account',
        snapshot: S({
          trails: [
            trail({
              IsOrganizationTrail: true,
              CloudWatchLogsLogGroupArn: `arn:aws:logs:${HOME}:999988887777:log-group:org-trail:*`,
            }),
          ],
        }),
        message: 'of account 999988887777, whose metric filters were not read',
      },
      {
        name: 'a space-delimited filter on the log group, which this tool does not evaluate',
        snapshot: S({
          pattern: '[version, account, eni, source, destination, srcport, destport="22", action="REJECT"]',
        }),
        message: /metric filter \S+ on log group cloudtrail: /,
      },
      {
        name: 'CloudWatch Logs not collected',
        snapshot: (() => {
          const { logs: _, ...rest } = S({});
          return rest;
        })(),
        message: 'logs:DescribeMetricFilters was not collected',
      },
    ],
  };
}
