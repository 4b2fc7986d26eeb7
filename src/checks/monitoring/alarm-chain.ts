/**
 * Whether a CIS section 4 control is monitored: a trail that records every region's management events delivers to
 * a log group, a metric filter on that group matches every event the control names, an alarm watches the filter's
 * metric, and the alarm notifies an SNS topic someone confirmed a subscription to. Each link that is missing fails;
 * each link that could not be read makes the verdict unknown unless another complete chain exists.
 */
import type { AccountState } from '../../model/account-state.ts';
import { unreadableReason, type Observed } from '../../model/observed.ts';
import type { MetricAlarm } from '../../services/cloudwatch/model.ts';
import type { MetricFilter } from '../../services/logs/model.ts';
import type { CloudTrailTrail } from '../../services/cloudtrail/model.ts';
import { recordsAllManagementEvents } from '../cloudtrail/trails.ts';
import { fail, inconclusive, pass, type Verdict } from '../define-check.ts';
import type { MonitoringControl } from './controls.ts';
import { coverage, matchesTypical } from './coverage.ts';
import { parseFilterPattern } from './filter-pattern.ts';

/** How far a chain got before it broke: the message shows the chains that got furthest first. */
type Link = 'trail' | 'filter' | 'alarm' | 'topic';
const DEPTH: Record<Link, number> = { trail: 0, filter: 1, alarm: 2, topic: 3 };

interface Findings {
  passes: string[];
  unknowns: string[];
  failures: { link: Link; detail: string }[];
}

/** `arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/Default:*` as its parts (names never hold a colon). */
function logGroupOf(arn: string): { region: string; accountId: string; name: string } | undefined {
  const parts = arn.split(':');
  if (parts[2] !== 'logs' || parts[5] !== 'log-group' || !parts[3] || !parts[6]) return undefined;
  return { region: parts[3], accountId: parts[4] ?? '', name: parts[6] };
}

function where(region: string, observed: Observed<unknown> | undefined, operation: string): string {
  return observed ? `${unreadableReason(observed)} in ${region}` : `${operation} was not collected in ${region}`;
}

function topicVerdict(state: AccountState, topic: string, findings: Findings, chain: string): void {
  const subscriptions = state.sns.subscriptions[topic];
  if (!subscriptions) {
    const [, , , region = '', accountId = ''] = topic.split(':');
    const listed = state.sns.topics[region];
    if (accountId !== state.accountId)
      findings.unknowns.push(
        `${chain} notifies topic ${topic} of account ${accountId}, whose subscriptions were not read`,
      );
    else if (listed?.kind === 'present')
      findings.failures.push({ link: 'topic', detail: `${chain} notifies topic ${topic}, which does not exist` });
    else findings.unknowns.push(`${chain} notifies topic ${topic}: ${where(region, listed, 'sns:ListTopics')}`);
    return;
  }
  if (subscriptions.kind !== 'present') {
    findings.unknowns.push(`${chain} notifies topic ${topic}: ${unreadableReason(subscriptions)}`);
    return;
  }
  const confirmed = subscriptions.value.filter((s) => s.confirmed);
  if (confirmed.length > 0) {
    findings.passes.push(`${chain} notifies topic ${topic} (${confirmed.length} confirmed subscription(s))`);
    return;
  }
  const pending = subscriptions.value.length;
  findings.failures.push({
    link: 'topic',
    detail: `${chain} notifies topic ${topic}, which has no confirmed subscription${pending > 0 ? ` (${pending} pending confirmation)` : ''}`,
  });
}

function alarmVerdicts(
  state: AccountState,
  region: string,
  filter: MetricFilter,
  findings: Findings,
  chain: string,
): void {
  const listed = state.cloudwatch.alarms[region];
  if (listed?.kind !== 'present') {
    findings.unknowns.push(`${chain}: alarms unreadable (${where(region, listed, 'cloudwatch:DescribeAlarms')})`);
    return;
  }
  const watching = listed.value.filter((alarm: MetricAlarm) =>
    alarm.metrics.some((m) => filter.metrics.some((f) => f.name === m.name && f.namespace === m.namespace)),
  );
  const metrics = filter.metrics.map((m) => `${m.namespace}/${m.name}`).join(', ') || 'no metric';
  if (watching.length === 0) {
    findings.failures.push({ link: 'alarm', detail: `${chain} (metric ${metrics}) has no alarm` });
    return;
  }
  for (const alarm of watching) {
    const link = `${chain} → alarm ${alarm.name}`;
    const topics = alarm.actions.filter((a) => /^arn:[a-z-]+:sns:/.test(a));
    if (!alarm.actionsEnabled) findings.failures.push({ link: 'alarm', detail: `${link} has its actions disabled` });
    else if (topics.length === 0) findings.failures.push({ link: 'alarm', detail: `${link} notifies no SNS topic` });
    else for (const topic of topics) topicVerdict(state, topic, findings, link);
  }
}

function filterVerdicts(
  state: AccountState,
  control: MonitoringControl,
  trail: CloudTrailTrail,
  arn: string,
  findings: Findings,
): void {
  const group = logGroupOf(arn);
  if (!group) {
    findings.unknowns.push(`trail ${trail.name} delivers to ${arn}, which is not a log group ARN`);
    return;
  }
  if (group.accountId && group.accountId !== state.accountId) {
    findings.unknowns.push(
      `trail ${trail.name} delivers to log group ${group.name} of account ${group.accountId}, whose metric filters were not read`,
    );
    return;
  }
  const listed = state.logs.metricFilters[group.region];
  if (listed?.kind !== 'present') {
    findings.unknowns.push(
      `metric filters of log group ${group.name} unreadable (${where(group.region, listed, 'logs:DescribeMetricFilters')})`,
    );
    return;
  }
  const onGroup = listed.value.filter((f) => f.logGroupName === group.name);
  let related = 0;
  for (const filter of onGroup) {
    const chain = `metric filter ${filter.name} on log group ${group.name}`;
    const parsed = parseFilterPattern(filter.pattern);
    if (!parsed.ok) {
      findings.unknowns.push(`${chain}: cannot read its pattern (${parsed.error})`);
      continue;
    }
    const verdict = coverage(parsed.pattern, control.events, filter.pattern);
    if (verdict.kind === 'covers') {
      related += 1;
      alarmVerdicts(state, group.region, filter, findings, chain);
    } else if (verdict.kind === 'undecided') {
      related += 1;
      findings.unknowns.push(`${chain}: ${verdict.reason}`);
    } else if (matchesTypical(parsed.pattern, control.events, filter.pattern)) {
      related += 1;
      findings.failures.push({ link: 'filter', detail: `${chain} misses ${verdict.missed.join(', ')}` });
    }
  }
  if (related === 0)
    findings.failures.push({
      link: 'filter',
      detail: `no metric filter on log group ${group.name} (trail ${trail.name}) matches ${control.subject}`,
    });
}

/** The control's verdict for the account: one complete chain passes. */
export function monitoringVerdict(control: MonitoringControl, state: AccountState): Verdict {
  const findings: Findings = { passes: [], unknowns: [], failures: [] };
  const trails = state.cloudtrail.trails;
  for (const trail of trails) {
    const recording = recordsAllManagementEvents(trail);
    if (recording.kind === 'unreadable') findings.unknowns.push(recording.why);
    else if (recording.kind === 'not') findings.failures.push({ link: 'trail', detail: recording.why });
    else if (!trail.cloudWatchLogsLogGroupArn)
      findings.failures.push({ link: 'trail', detail: `trail ${trail.name} does not deliver to CloudWatch Logs` });
    else filterVerdicts(state, control, trail, trail.cloudWatchLogsLogGroupArn, findings);
  }
  if (findings.passes.length > 0) return pass(`alarm on ${control.subject}: ${findings.passes.join('; ')}`);
  if (findings.unknowns.length > 0)
    return inconclusive(`cannot tell whether there is an alarm on ${control.subject}`, findings.unknowns.join('; '));
  if (trails.length === 0) return fail(`no alarm on ${control.subject}: no CloudTrail trail`);
  const details = [...findings.failures].sort((a, b) => DEPTH[b.link] - DEPTH[a.link]).map((f) => f.detail);
  return fail(`no alarm on ${control.subject}: ${details.join('; ')}`);
}
