/** Where alerts go: stdout or a file (text or JSON lines), a webhook. */
import type { Alert } from '../engine/types.ts';

export interface AlertSink {
  write(alert: Alert): Promise<void> | void;
  /** flushes and releases; after close nothing is written */
  close(): Promise<void>;
  /** a part of the stats line, e.g. `webhook: 3 delivered, 0 failed, 0 dropped` */
  summary?(): string;
  /** false when an alert could not be delivered: the run was not clean */
  delivered?(): boolean;
}

/** Exactly the fields of one `--format json` line, in this order, whatever else an Alert object may carry. */
export function alertJson(alert: Alert): string {
  return JSON.stringify({
    time: alert.time,
    rule: alert.rule,
    priority: alert.priority,
    output: alert.output,
    tags: alert.tags,
    source: alert.source,
    output_fields: alert.output_fields,
    eventID: alert.eventID,
    eventName: alert.eventName,
    awsRegion: alert.awsRegion,
    recipientAccountId: alert.recipientAccountId,
  });
}
