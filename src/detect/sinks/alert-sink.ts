/** Where alerts go: stdout or a file (text or JSON lines), a webhook. */
import { hostname } from 'node:os';
import { falcoOutput, priorityLabel } from '../engine/index.ts';
import type { Alert } from '../engine/types.ts';

/**
 * What a sink gives back for one alert. `write` resolves once the sink can take the next alert (backpressure);
 * `accepted` settles later: true once the alert is written out (stream) or answered 2xx (webhook), false when
 * the sink gave up on it. A unit of input is settled (checkpoint, SQS delete) only when all its alerts are accepted.
 */
export interface AlertHandoff {
  accepted: Promise<boolean>;
}

export interface AlertSink {
  write(alert: Alert): Promise<AlertHandoff>;
  /** waits for every alert taken to be accepted or given up, then releases; after close nothing is written */
  close(): Promise<void>;
  /** a part of the stats line, e.g. `webhook: 3 delivered, 0 failed` */
  summary?(): string;
  /** one line saying which alerts this sink did not accept and why; undefined when it accepted them all */
  failure?(): string | undefined;
}

/** Hands the alert to every sink in turn; accepted once every sink accepted it. */
export async function writeToAll(sinks: AlertSink[], alert: Alert): Promise<AlertHandoff> {
  const accepted: Promise<boolean>[] = [];
  for (const sink of sinks) accepted.push((await sink.write(alert)).accepted);
  return { accepted: Promise.all(accepted).then((all) => all.every(Boolean)) };
}

/** Falco writes the event time with nanoseconds (`2024-07-31T13:06:24.000000000Z`); CloudTrail gives seconds. */
export function falcoTime(eventTime: string): string {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(eventTime);
  if (!match) return eventTime;
  return `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}Z`;
}

/** the machine that ran detection, as Falco names it in every alert */
const HOSTNAME = hostname();

/**
 * One `--format json` line (and webhook body) in Falco's JSON alert shape, so that Falcosidekick and Falco
 * pipelines take it unchanged: `time` with nanoseconds, `priority` spelled as Falco does (`Critical`), `output`
 * with Falco's time and priority prefix, `hostname`; then the event's identifiers. Exactly these fields, in this
 * order, whatever else an Alert object may carry.
 */
export function alertJson(alert: Alert): string {
  return JSON.stringify({
    time: falcoTime(alert.time),
    rule: alert.rule,
    priority: priorityLabel(alert.priority),
    output: falcoOutput(alert),
    tags: alert.tags,
    source: alert.source,
    output_fields: alert.output_fields,
    hostname: HOSTNAME,
    eventID: alert.eventID,
    eventName: alert.eventName,
    awsRegion: alert.awsRegion,
    recipientAccountId: alert.recipientAccountId,
  });
}
