import type { CloudWatchSection } from './schema.ts';
import type { CloudWatchState, MetricAlarm } from './model.ts';
import { regionsOf, type RegionalContext } from '../../model/normalise-regional.ts';
import { observe } from '../../model/observed.ts';

type Metric = { MetricName?: string; Namespace?: string } | undefined;

function named(metric: Metric): { name: string; namespace: string }[] {
  return metric?.MetricName && metric.Namespace ? [{ name: metric.MetricName, namespace: metric.Namespace }] : [];
}

/** The `cloudwatch` section as the metric alarms of each region. */
export function normaliseCloudWatch(section: CloudWatchSection, context: RegionalContext): CloudWatchState {
  const state: CloudWatchState = { alarms: {} };
  for (const region of regionsOf(section, context.regions)) {
    state.alarms[region] = observe(
      section[region]?.DescribeAlarms,
      'cloudwatch:DescribeAlarms',
      [],
      (r): MetricAlarm[] =>
        r.MetricAlarms.map((a) => ({
          name: a.AlarmName ?? '',
          arn: a.AlarmArn ?? '',
          // AWS defaults ActionsEnabled to true
          actionsEnabled: a.ActionsEnabled !== false,
          actions: a.AlarmActions ?? [],
          metrics: [...named(a), ...(a.Metrics ?? []).flatMap((m) => named(m.MetricStat?.Metric))],
        })),
    );
  }
  return state;
}
