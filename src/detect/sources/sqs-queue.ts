/**
 * sqs://QUEUE_URL: long-polls a queue that announces new log files (CloudTrail's SNS notification, S3 event
 * notifications raw or through SNS, EventBridge "Object Created"; see src/notifications), reads the objects and
 * deletes a message only after all its objects were read to the end and every sink accepted their alerts
 * (a webhook answered 2xx): at-least-once delivery.
 *
 * Poison messages (a body that is no known notification, an object that cannot be read) and messages with an
 * alert a sink did not accept are logged once per message id and NOT deleted: the message becomes visible again
 * after the queue's visibility timeout and the queue's redrive policy moves it to its dead-letter queue after
 * maxReceiveCount receives. Configure one (e.g. maxReceiveCount 5): without it such a message is retried for the
 * queue's retention period.
 * Any number of processes may consume one queue (competing consumers).
 */
import { type S3Client } from '@aws-sdk/client-s3';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { accessErrorFor, errorRecord } from '../../aws/aws-errors.ts';
import { UserError } from '../../errors.ts';
import { parseNotificationBody, type ObjectRef } from '../../notifications/index.ts';
import type { DetectionUnit, UnitOutcome } from '../pipeline/run-detection.ts';
import { redactUrl } from '../sinks/redact-url.ts';
import { isThrottlingError } from '../../collect/throttle-count.ts';
import { prefetchOrdered } from './prefetch.ts';
import { VisibilityKeeper } from './sqs-visibility.ts';
import { readObject } from './s3-objects.ts';

export const WAIT_TIME_SECONDS = 20;
const MAX_MESSAGES = 10;
const READ_AHEAD = 8;
/** message ids already logged: bounded, oldest forgotten first */
const LOGGED_LIMIT = 10_000;

export interface SqsSourceOptions {
  sqs: SQSClient;
  s3: S3Client;
  queueUrl: string;
  /** stop when a receive returns no message (batch jobs, tests); otherwise poll until the signal aborts */
  drain: boolean;
  signal?: AbortSignal;
  log: (line: string) => void;
  /**
   * visibility asked for at receive and renewed while a message is in work (default 60 s, renewed every 20 s);
   * tests shorten the renewal interval
   */
  visibility?: { seconds: number; everyMs?: number };
  /** waits after a throttled ReceiveMessage (tests: none) */
  backoff?: (attempt: number, signal?: AbortSignal) => Promise<void>;
}

const VISIBILITY_SECONDS = 60;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;

/** Exponential backoff with full jitter (a random wait up to base * 2^attempt, capped), ended early by the signal. */
export function jitteredBackoff(attempt: number, signal?: AbortSignal): Promise<void> {
  const ms = Math.random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

interface Pending {
  message: Message;
  object: ObjectRef;
  group: MessageGroup;
}

interface MessageGroup {
  left: number;
  /** every object was read to the end and its alerts accepted */
  complete: boolean;
  /** alerts of its objects that a sink did not accept */
  undelivered: number;
}

export function sqsUnits(options: SqsSourceOptions): AsyncGenerator<DetectionUnit> {
  const keeper = new VisibilityKeeper({
    sqs: options.sqs,
    queueUrl: options.queueUrl,
    seconds: options.visibility?.seconds ?? VISIBILITY_SECONDS,
    ...(options.visibility?.everyMs !== undefined ? { everyMs: options.visibility.everyMs } : {}),
    log: options.log,
  });
  const logged = new Set<string>();
  const logOnce = (message: Message, line: string): void => {
    const id = message.MessageId ?? message.ReceiptHandle ?? line;
    if (logged.has(id)) return;
    if (logged.size >= LOGGED_LIMIT) logged.delete(logged.values().next().value as string);
    logged.add(id);
    const count = message.Attributes?.ApproximateReceiveCount;
    options.log(`sqs: message ${message.MessageId ?? '?'}${count ? ` (received ${count} times)` : ''}: ${line}`);
  };
  return prefetchOrdered(
    pendingObjects(options, logOnce, keeper),
    async ({ message, object, group }) => {
      // not aborted with the run: objects of messages already received are finished, then their messages deleted
      const unit = await readObject(options.s3, object);
      unit.settle = async (outcome: UnitOutcome) => {
        if (!outcome.complete) group.complete = false;
        group.undelivered += outcome.undelivered ?? 0;
        group.left--;
        if (group.left > 0) return;
        keeper.drop(message);
        if (group.complete) await deleteMessage(options, message);
        else
          logOnce(message, `${leftBecause(group)}; left on the queue (its redrive policy decides what happens next)`);
      };
      return unit;
    },
    READ_AHEAD,
  );
}

async function* pendingObjects(
  options: SqsSourceOptions,
  logOnce: (m: Message, line: string) => void,
  keeper: VisibilityKeeper,
): AsyncGenerator<Pending> {
  let throttled = 0;
  while (!options.signal?.aborted) {
    let messages: Message[];
    try {
      const response = await options.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: options.queueUrl,
          MaxNumberOfMessages: MAX_MESSAGES,
          WaitTimeSeconds: WAIT_TIME_SECONDS,
          VisibilityTimeout: options.visibility?.seconds ?? VISIBILITY_SECONDS,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        }),
        { abortSignal: options.signal },
      );
      messages = response.Messages ?? [];
      throttled = 0;
    } catch (error) {
      if (options.signal?.aborted) return;
      if (isThrottlingError(error)) {
        // the SDK's own retries were not enough: wait longer, with jitter so that many consumers spread out
        if (throttled === 0) options.log(`sqs: ReceiveMessage throttled (${errorRecord(error).name}); backing off`);
        await (options.backoff ?? jitteredBackoff)(throttled++, options.signal);
        continue;
      }
      throw accessErrorFor(error, `ReceiveMessage ${redactUrl(options.queueUrl, { keepPath: true })}`);
    }
    if (messages.length === 0 && options.drain) return;
    for (const message of messages) {
      if (options.signal?.aborted) {
        // stopping: a message not started yet is handed back at once, not when its visibility runs out
        await keeper.release(message);
        continue;
      }
      let parsed;
      try {
        parsed = parseNotificationBody(message.Body ?? '');
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        logOnce(message, `${error.message}; left on the queue for its redrive policy`);
        continue;
      }
      if (parsed.kind !== 'objects') {
        await deleteMessage(options, message);
        continue;
      }
      if (parsed.skipped?.length) logOnce(message, `skipped ${parsed.skipped.join('; ')}`);
      const objects = parsed.objects.filter((o) => !o.key.includes('/CloudTrail-Digest/'));
      if (objects.length === 0) {
        await deleteMessage(options, message);
        continue;
      }
      const group: MessageGroup = { left: objects.length, complete: true, undelivered: 0 };
      keeper.hold(message);
      for (const object of objects) yield { message, object, group };
    }
  }
}

function leftBecause(group: MessageGroup): string {
  if (group.undelivered === 0) return 'not every object could be read';
  return `${group.undelivered} alert${group.undelivered === 1 ? '' : 's'} not delivered to every output`;
}

async function deleteMessage(options: SqsSourceOptions, message: Message): Promise<void> {
  try {
    await options.sqs.send(
      new DeleteMessageCommand({ QueueUrl: options.queueUrl, ReceiptHandle: message.ReceiptHandle }),
    );
  } catch (error) {
    const record = errorRecord(error);
    options.log(
      `sqs: could not delete message ${message.MessageId ?? '?'} (${record.name}: ${record.message}); it will be received again`,
    );
  }
}

/** Messages waiting on the queue (ApproximateNumberOfMessages), or undefined when the queue cannot say. */
export async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<number | undefined> {
  try {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    const value = Number(Attributes?.ApproximateNumberOfMessages);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    // a metric, not the run: a scrape without it is better than a failed scrape
    return undefined;
  }
}
