/** Detection alerts into the store, de-duplicated: the same rule on the same event (a replayed trail) is kept once. */
import type { AlertHandoff, AlertSink } from '../detect/sinks/alert-sink.ts';
import type { Alert } from '../detect/engine/types.ts';
import type { StoreDb } from './open.ts';
import type { AlertsTable } from './schema.ts';

/** A field of the rule's output, when the rule printed it (an alert carries only the fields its output names). */
function field(alert: Alert, ...names: string[]): string {
  for (const name of names) {
    const value = alert.output_fields[name];
    if (value !== undefined && value !== null && value !== '') return String(value);
  }
  return '';
}

function rowOf(alert: Alert, storedAt: string): AlertsTable {
  return {
    // every CloudTrail record has an eventID; without one the time and output stand in, so a replay still matches
    event_id: alert.eventID ?? `no-event-id:${alert.time}:${alert.output}`,
    rule: alert.rule,
    priority: alert.priority,
    event_time: alert.time,
    event_name: alert.eventName ?? '',
    principal: field(alert, 'ct.user.arn', 'ct.user', 'ct.user.principalid'),
    resource: field(alert, 'ct.resources', 'ct.request.bucketname'),
    account_id: alert.recipientAccountId ?? '',
    region: alert.awsRegion ?? '',
    output: alert.output,
    stored_at: storedAt,
  };
}

/** Rows per statement: 11 columns, well under SQLite's 32,766 bound parameters. */
const ROWS_PER_INSERT = 500;

/** Stores alerts; returns how many were new (not stored by an earlier run). */
export async function storeAlerts(store: StoreDb, alerts: readonly Alert[], storedAt: string): Promise<number> {
  let added = 0;
  for (let i = 0; i < alerts.length; i += ROWS_PER_INSERT) {
    const result = await store.db
      .insertInto('alerts')
      .values(alerts.slice(i, i + ROWS_PER_INSERT).map((a) => rowOf(a, storedAt)))
      .onConflict((oc) => oc.columns(['event_id', 'rule']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}

/**
 * `detect --db` as one more alert sink. Each alert is stored as it comes: an input is settled (checkpointed, its SQS
 * message deleted) only once its alerts are accepted, so holding alerts back for a batch would hold the input too.
 */
export class StoreAlertSink implements AlertSink {
  private failed = 0;
  private stored = 0;
  private total = 0;
  private error: string | undefined;

  constructor(private readonly store: StoreDb) {}

  async write(alert: Alert): Promise<AlertHandoff> {
    this.total += 1;
    try {
      this.stored += await storeAlerts(this.store, [alert], new Date().toISOString());
      return { accepted: Promise.resolve(true) };
    } catch (error) {
      this.failed += 1;
      this.error = (error as Error).message;
      return { accepted: Promise.resolve(false) };
    }
  }

  async close(): Promise<void> {
    await this.store.db.destroy();
  }

  summary(): string {
    return `store: ${this.stored} new, ${this.total - this.stored - this.failed} already stored`;
  }

  failure(): string | undefined {
    return this.failed > 0 ? `store ${this.store.name}: ${this.failed} alerts not stored: ${this.error}` : undefined;
  }
}
