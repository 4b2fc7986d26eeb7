/**
 * `cloudwatch-logs:GROUP/STREAM` (the stream is after the last `/`, so group names with slashes work): PutLogEvents
 * with up to 10,000 events and 1,048,576 bytes per call (each event's UTF-8 message plus 26 bytes). Each event is the
 * notice's JSON, stamped with the delivery time (CloudWatch Logs rejects events over 14 days old, which a replayed
 * trail has). The group must exist; a missing stream is created once.
 */
import {
  CreateLogStreamCommand,
  PutLogEventsCommand,
  type CloudWatchLogsClient,
  type InputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { UserError } from '../errors.ts';
import { awsErrorName, awsOutcome, allOf } from './aws-outcome.ts';
import { fitJson, utf8Length } from './fit.ts';
import type { Notice } from './notice.ts';
import type { Outcome, Transport } from './transport.ts';

export const LOGS_MAX_EVENTS = 10_000;
export const LOGS_MAX_BATCH_BYTES = 1_048_576;
export const LOGS_EVENT_OVERHEAD = 26;
/** the event size limit was 256 KB before it became 1 MB: the smaller one works everywhere */
export const LOGS_MAX_EVENT_BYTES = 256 * 1024 - LOGS_EVENT_OVERHEAD;

const GROUP = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const STREAM = /^[^:*]{1,512}$/;

export interface LogTarget {
  group: string;
  stream: string;
}

export function parseLogTarget(text: string, field: string): LogTarget {
  const slash = text.lastIndexOf('/');
  const group = text.slice(0, Math.max(slash, 0));
  const stream = text.slice(slash + 1);
  if (slash <= 0 || !GROUP.test(group) || !STREAM.test(stream))
    throw new UserError(
      `"${text}" is not LOG_GROUP/LOG_STREAM (a group of letters, digits and . - _ / #; a stream without : or *)`,
      {
        field,
      },
    );
  return { group, stream };
}

export class CloudWatchLogsTransport implements Transport {
  readonly label = 'cloudwatch-logs';
  readonly shown: string;
  readonly maxBatch = LOGS_MAX_EVENTS;
  /** one call at a time keeps the events of a stream in order */
  readonly concurrency = 1;
  private streamCreated = false;

  constructor(
    private readonly target: LogTarget,
    private readonly region: string,
    private readonly client: (region: string) => Promise<Pick<CloudWatchLogsClient, 'send'>>,
    private readonly now: () => number = Date.now,
  ) {
    this.shown = `${target.group}/${target.stream}`;
  }

  fitting(notices: readonly Notice[]): number {
    let bytes = 0;
    let count = 0;
    for (const notice of notices.slice(0, LOGS_MAX_EVENTS)) {
      bytes += utf8Length(fitJson(notice.json, LOGS_MAX_EVENT_BYTES)) + LOGS_EVENT_OVERHEAD;
      if (count > 0 && bytes > LOGS_MAX_BATCH_BYTES) break;
      count++;
    }
    return Math.max(count, 1);
  }

  async send(notices: readonly Notice[]): Promise<Outcome[]> {
    const timestamp = this.now();
    const logEvents: InputLogEvent[] = notices.map((n) => ({
      timestamp,
      message: fitJson(n.json, LOGS_MAX_EVENT_BYTES),
    }));
    const client = await this.client(this.region);
    const put = () =>
      client.send(
        new PutLogEventsCommand({ logGroupName: this.target.group, logStreamName: this.target.stream, logEvents }),
      );
    let response;
    try {
      response = await put();
    } catch (error) {
      if (awsErrorName(error) !== 'ResourceNotFoundException' || this.streamCreated)
        return allOf(notices.length, awsOutcome(error, 'logs:PutLogEvents'));
      // the group or the stream is missing: create the stream; if the group is missing, that says so
      try {
        await client.send(
          new CreateLogStreamCommand({ logGroupName: this.target.group, logStreamName: this.target.stream }),
        );
      } catch (createError) {
        if (awsErrorName(createError) !== 'ResourceAlreadyExistsException')
          return allOf(notices.length, awsOutcome(createError, 'logs:CreateLogStream'));
      }
      this.streamCreated = true;
      try {
        response = await put();
      } catch (retryError) {
        return allOf(notices.length, awsOutcome(retryError, 'logs:PutLogEvents'));
      }
    }
    const rejected = response.rejectedLogEventsInfo;
    return notices.map((_, i): Outcome => {
      if (rejected?.tooNewLogEventStartIndex !== undefined && i >= rejected.tooNewLogEventStartIndex)
        return { status: 'failed', reason: 'logs:PutLogEvents rejected the event as too new' };
      if (rejected?.tooOldLogEventEndIndex !== undefined && i < rejected.tooOldLogEventEndIndex)
        return { status: 'failed', reason: 'logs:PutLogEvents rejected the event as too old' };
      if (rejected?.expiredLogEventEndIndex !== undefined && i < rejected.expiredLogEventEndIndex)
        return { status: 'failed', reason: "logs:PutLogEvents rejected the event as older than the group's retention" };
      return { status: 'ok' };
    });
  }
}
