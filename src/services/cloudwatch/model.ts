import type { Observed } from '../../model/observed.ts';

/** A metric alarm: when one of `metrics` crosses its threshold, AWS runs `actions` (SNS topic ARNs among them). */
export interface MetricAlarm {
  name: string;
  arn: string;
  /** false: the alarm changes state but runs none of its actions */
  actionsEnabled: boolean;
  actions: string[];
  metrics: { name: string; namespace: string }[];
}

export interface CloudWatchState {
  /** every region's DescribeAlarms: a missing or failed listing hides the region's alarms */
  alarms: Record<string, Observed<MetricAlarm[]>>;
}
