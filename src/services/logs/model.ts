import type { Observed } from '../../model/observed.ts';

/** A metric filter: the events of `logGroupName` its pattern matches count toward each of `metrics`. */
export interface MetricFilter {
  name: string;
  logGroupName: string;
  /** as written; '' matches every event */
  pattern: string;
  metrics: { name: string; namespace: string }[];
}

export interface LogsState {
  /** every region's DescribeMetricFilters: a missing or failed listing hides the region's filters */
  metricFilters: Record<string, Observed<MetricFilter[]>>;
}
