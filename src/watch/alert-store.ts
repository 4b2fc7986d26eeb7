/** Detection alerts into the store's `alerts` table: one row per event and rule, so a redelivered message adds none. */
import type { Alert } from '../detect/engine/types.ts';
import type { AlertHandoff, AlertSink } from '../detect/sinks/alert-sink.ts';
import type { StoreDb } from '../store/open.ts';

function field(alert: Alert, name: string): string {
  const value = alert.output_fields[name];
  return typeof value === 'string' ? value : '';
}

export class StoreAlertSink implements AlertSink {
  private stored = 0;
  private failed = 0;
  private lastReason = '';

  constructor(
    private readonly store: StoreDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async write(alert: Alert): Promise<AlertHandoff> {
    try {
      await this.store.db
        .insertInto('alerts')
        .values({
          event_id: alert.eventID ?? `${alert.time}/${alert.output}`,
          rule: alert.rule,
          priority: alert.priority,
          event_time: alert.time,
          event_name: alert.eventName ?? '',
          principal: field(alert, 'ct.user.arn') || field(alert, 'ct.user'),
          resource: field(alert, 's3.bucket'),
          account_id: alert.recipientAccountId ?? '',
          region: alert.awsRegion ?? '',
          output: alert.output,
          stored_at: this.now().toISOString(),
        })
        .onConflict((oc) => oc.columns(['event_id', 'rule']).doNothing())
        .execute();
      this.stored++;
      return { accepted: Promise.resolve(true) };
    } catch (error) {
      this.failed++;
      this.lastReason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      return { accepted: Promise.resolve(false) };
    }
  }

  async close(): Promise<void> {}

  summary(): string {
    return `store: ${this.stored} alerts`;
  }

  failure(): string | undefined {
    return this.failed === 0 ? undefined : `store: ${this.failed} alerts not stored (${this.lastReason})`;
  }
}
