import type { Severity } from '../../findings/severity.ts';
import type { CheckDefinition } from '../define-check.ts';
import { monitoringVerdict } from './alarm-chain.ts';
import type { MonitoringControl } from './controls.ts';

/** Where the remediation puts the metric (the benchmark's own examples use this namespace). */
const NAMESPACE = 'CISBenchmark';

/** CloudTrail events that can change any monitoring verdict: the trail, the filter, the alarm or the topic. */
const TRIGGERS = [
  'CreateTrail',
  'UpdateTrail',
  'DeleteTrail',
  'StartLogging',
  'StopLogging',
  'PutEventSelectors',
  'PutMetricFilter',
  'DeleteMetricFilter',
  'PutMetricAlarm',
  'DeleteAlarms',
  'DisableAlarmActions',
  'EnableAlarmActions',
  'DeleteTopic',
  'Subscribe',
  'ConfirmSubscription',
  'Unsubscribe',
];

function terraform(control: MonitoringControl): string {
  const name = control.metricName;
  return `resource "aws_cloudwatch_log_metric_filter" "${name}" {
  name           = "${name}"
  log_group_name = aws_cloudwatch_log_group.cloudtrail.name # the group the multi-region trail delivers to
  pattern        = ${JSON.stringify(control.pattern)}

  metric_transformation {
    name      = "${name}"
    namespace = "${NAMESPACE}"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "${name}" {
  alarm_name          = "${name}"
  namespace           = "${NAMESPACE}"
  metric_name         = "${name}"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.security_alerts.arn] # with a confirmed aws_sns_topic_subscription
}`;
}

function cli(control: MonitoringControl): string {
  const name = control.metricName;
  return `aws logs put-metric-filter --log-group-name CLOUDTRAIL_LOG_GROUP --filter-name ${name} --metric-transformations metricName=${name},metricNamespace=${NAMESPACE},metricValue=1 --filter-pattern '${control.pattern}'
aws cloudwatch put-metric-alarm --alarm-name ${name} --metric-name ${name} --namespace ${NAMESPACE} --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions SNS_TOPIC_ARN
aws sns subscribe --topic-arn SNS_TOPIC_ARN --protocol email --notification-endpoint security@example.com # then confirm from the mailbox`;
}

/**
 * A CIS section 4 check: the shared evidence, remediation and decision of one monitoring control. Each check file
 * gives its id (which must be the control's), title, severity and description.
 */
export function monitoringCheck(
  control: MonitoringControl,
  own: { id: string; title: string; severity: Severity; description: string },
): CheckDefinition<'account'> {
  if (own.id !== control.id) throw new Error(`check ${own.id} is given the control of ${control.id}`);
  return {
    ...own,
    aliases: control.aliases,
    service: 'cloudwatch',
    resource: 'account',
    remediation: {
      terraform: terraform(control),
      cli: cli(control),
      console: `CloudWatch console > Log groups > the log group the multi-region trail delivers to > Metric filters > Create metric filter, pattern ${control.pattern} > metric ${NAMESPACE}/${control.metricName}, value 1; then Alarms > Create alarm on that metric (Sum >= 1 over 5 minutes) > notify an SNS topic, and confirm its subscription.`,
    },
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html',
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
    ],
    needs: ['cloudtrail:DescribeTrails', 'logs:DescribeMetricFilters', 'cloudwatch:DescribeAlarms', 'sns:ListTopics'],
    unknownHint: `the alarm can also be checked by hand: aws logs describe-metric-filters --log-group-name CLOUDTRAIL_LOG_GROUP, then aws cloudwatch describe-alarms-for-metric`,
    triggers: TRIGGERS,
    evaluate: (_account, { state }) => monitoringVerdict(control, state),
  };
}
