/**
 * `eventbridge:BUS` (a bus name or ARN; `default` for the account's default bus): PutEvents with up to 10 entries
 * per call and at most 256 KB per call, sized as EventBridge sizes them (Time 14 bytes, then the UTF-8 bytes of
 * Source, DetailType, Detail and each Resources entry). Source `cloudwarden`; DetailType names the kind, so rules
 * can match on it. Entries EventBridge lists as failed are retried (throttling, internal) or reported.
 */
import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { UserError } from '../errors.ts';
import { awsOutcome, allOf, isTransientName } from './aws-outcome.ts';
import { fitJson, utf8Length } from './fit.ts';
import type { Notice } from './notice.ts';
import type { Outcome, Transport } from './transport.ts';

export const EVENTBRIDGE_MAX_ENTRIES = 10;
export const EVENTBRIDGE_MAX_BYTES = 256 * 1024;
export const EVENT_SOURCE = 'cloudwarden';

export const DETAIL_TYPES: Record<Notice['kind'], string> = {
  alert: 'cloudwarden Detection Alert',
  'finding-new': 'cloudwarden New Finding',
  'finding-resolved': 'cloudwarden Resolved Finding',
  malware: 'cloudwarden Malware Verdict',
};

const BUS_ARN = /^arn:(aws|aws-cn|aws-us-gov):events:([a-z0-9-]+):(\d{12}):event-bus\/([\w.\-/]{1,256})$/;
const BUS_NAME = /^[\w.\-/]{1,256}$/;

export interface BusRef {
  /** what EventBusName gets: the name, or the ARN for a bus in another account or region */
  name: string;
  /** the region from an ARN; a bare name is in the home region */
  region?: string;
}

export function parseBus(text: string, field: string): BusRef {
  const arn = BUS_ARN.exec(text);
  if (arn) return { name: text, region: arn[2]! };
  if (BUS_NAME.test(text)) return { name: text };
  throw new UserError(`"${text}" is not an event bus name or ARN`, { field });
}

/** EventBridge's own entry size rule (docs: "Calculating PutEvents event entry size"). */
export function entrySize(entry: PutEventsRequestEntry): number {
  let size = entry.Time ? 14 : 0;
  size += utf8Length(entry.Source ?? '') + utf8Length(entry.DetailType ?? '') + utf8Length(entry.Detail ?? '');
  for (const resource of entry.Resources ?? []) size += utf8Length(resource);
  return size;
}

export function eventEntry(bus: BusRef, notice: Notice): PutEventsRequestEntry {
  const detailType = DETAIL_TYPES[notice.kind];
  const resources = notice.resource?.startsWith('arn:') ? [notice.resource] : [];
  const time = new Date(notice.time);
  const fixed =
    14 + utf8Length(EVENT_SOURCE) + utf8Length(detailType) + resources.reduce((n, r) => n + utf8Length(r), 0);
  return {
    Source: EVENT_SOURCE,
    DetailType: detailType,
    Detail: fitJson(notice.json, EVENTBRIDGE_MAX_BYTES - fixed),
    EventBusName: bus.name,
    Resources: resources,
    ...(Number.isNaN(time.getTime()) ? {} : { Time: time }),
  };
}

export class EventBridgeTransport implements Transport {
  readonly label = 'eventbridge';
  readonly shown: string;
  readonly maxBatch = EVENTBRIDGE_MAX_ENTRIES;
  readonly concurrency = 1;

  constructor(
    private readonly bus: BusRef,
    private readonly region: string,
    private readonly client: (region: string) => Promise<Pick<EventBridgeClient, 'send'>>,
  ) {
    this.shown = bus.name;
  }

  fitting(notices: readonly Notice[]): number {
    let bytes = 0;
    let count = 0;
    for (const notice of notices.slice(0, EVENTBRIDGE_MAX_ENTRIES)) {
      bytes += entrySize(eventEntry(this.bus, notice));
      if (count > 0 && bytes > EVENTBRIDGE_MAX_BYTES) break;
      count++;
    }
    return Math.max(count, 1);
  }

  async send(notices: readonly Notice[]): Promise<Outcome[]> {
    const entries = notices.map((n) => eventEntry(this.bus, n));
    let response;
    try {
      response = await (
        await this.client(this.bus.region ?? this.region)
      ).send(new PutEventsCommand({ Entries: entries }));
    } catch (error) {
      return allOf(notices.length, awsOutcome(error, 'events:PutEvents'));
    }
    return notices.map((_, i) => {
      const result = response.Entries?.[i];
      if (!result) return { status: 'retry', reason: 'PutEvents answered without a result for the entry' };
      if (!result.ErrorCode) return { status: 'ok' };
      const reason = `${result.ErrorCode} on events:PutEvents${result.ErrorMessage ? `: ${result.ErrorMessage}` : ''}`;
      return isTransientName(result.ErrorCode) ? { status: 'retry', reason } : { status: 'failed', reason };
    });
  }
}
