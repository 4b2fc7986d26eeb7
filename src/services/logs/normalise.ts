import type { LogsState, MetricFilter } from './model.ts';
import type { LogsSection } from './schema.ts';
import { regionsOf, type RegionalContext } from '../../model/normalise-regional.ts';
import { observe } from '../../model/observed.ts';

/** The `logs` section as the metric filters of each region. */
export function normaliseLogs(section: LogsSection, context: RegionalContext): LogsState {
  const state: LogsState = { metricFilters: {} };
  for (const region of regionsOf(section, context.regions)) {
    state.metricFilters[region] = observe(
      section[region]?.DescribeMetricFilters,
      'logs:DescribeMetricFilters',
      [],
      (r): MetricFilter[] =>
        r.metricFilters.map((f) => ({
          name: f.filterName ?? '',
          logGroupName: f.logGroupName ?? '',
          pattern: f.filterPattern ?? '',
          metrics: (f.metricTransformations ?? []).map((m) => ({ name: m.metricName, namespace: m.metricNamespace })),
        })),
    );
  }
  return state;
}
