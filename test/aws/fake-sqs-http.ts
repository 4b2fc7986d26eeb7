import { createHash } from 'node:crypto';
import type { FakeRequest, FakeResponse } from './fake-aws-http.ts';

/**
 * One SQS queue at the HTTP level (JSON protocol, `x-amz-json-1.0`, `X-Amz-Target: AmazonSQS.<Operation>`), with
 * the parts of SQS a consumer depends on: visibility timeouts on a clock the test moves, receipt handles that
 * change on every delivery, `ApproximateReceiveCount` only when asked for, and a redrive policy that moves a
 * message to the dead-letter queue when a delivery would exceed `maxReceiveCount`. Shapes follow the SQS API
 * reference (ReceiveMessage, DeleteMessage, ChangeMessageVisibility, GetQueueAttributes).
 */

export interface FakeSqsMessage {
  id: string;
  body: string;
  receiveCount: number;
  receiptHandle?: string;
  /** virtual seconds: the message is visible again from then */
  invisibleUntil: number;
}

export interface RedrivePolicy {
  maxReceiveCount: number;
  deadLetterTargetArn: string;
}

const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.0' };
let requestNumber = 0;

function requestId(): string {
  requestNumber += 1;
  return `c6d9a1f2-5b0e-5a8e-9d1b-${String(requestNumber).padStart(12, '0')}`;
}

function json(body: unknown): FakeResponse {
  return { status: 200, headers: { ...JSON_HEADERS, 'x-amzn-requestid': requestId() }, body: JSON.stringify(body) };
}

/** An SQS JSON-protocol error; `x-amzn-query-error` carries the query-protocol code the SDK names the error by. */
export function sqsJsonError(status: number, type: string, queryCode: string, message: string): FakeResponse {
  return {
    status,
    headers: { ...JSON_HEADERS, 'x-amzn-requestid': requestId(), 'x-amzn-query-error': `${queryCode};Sender` },
    body: JSON.stringify({ __type: type, message }),
  };
}

export function sqsAccessDenied(action: string, queueArn: string): FakeResponse {
  return sqsJsonError(
    403,
    'com.amazon.coral.service#AccessDeniedException',
    'AccessDenied',
    `User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: sqs:${action.toLowerCase()} on resource: ${queueArn} because no identity-based policy allows the sqs:${action.toLowerCase()} action`,
  );
}

export class FakeSqsQueue {
  /** virtual seconds since the test started */
  now = 0;
  visibilityTimeout = 30;
  redrivePolicy: RedrivePolicy | undefined;
  readonly messages: FakeSqsMessage[] = [];
  readonly deadLetters: FakeSqsMessage[] = [];
  /** every SQS call, in order: operation and parsed JSON input */
  readonly calls: { operation: string; input: Record<string, unknown> }[] = [];
  /** operations answered with AccessDenied */
  readonly denied = new Set<string>();
  /** the next this-many ReceiveMessage calls are answered RequestThrottled (SQS's throttling error) */
  throttleReceives = 0;
  private sent = 0;
  /** every receipt handle handed out, to the delivery it names */
  private readonly deliveries = new Map<string, string>();

  constructor(
    readonly queueUrl: string,
    readonly queueArn: string,
  ) {}

  send(body: string): string {
    this.sent += 1;
    const id = `0f3b2c1d-${String(this.sent).padStart(4, '0')}-4e5f-8a9b-1c2d3e4f5a6b`;
    this.messages.push({ id, body, receiveCount: 0, invisibleUntil: 0 });
    return id;
  }

  advance(seconds: number): void {
    this.now += seconds;
  }

  /**
   * The receipt handle of each DeleteMessage call, in order, as `<MessageId>#<delivery>` (a handle this queue never
   * handed out stays as sent): a test sees which delivery of which message was deleted, stale handles included.
   */
  deletions(): string[] {
    return this.calls
      .filter((c) => c.operation === 'DeleteMessage')
      .map((c) => String(c.input.ReceiptHandle))
      .map((handle) => this.deliveries.get(handle) ?? handle);
  }

  /** Answers SQS calls; anything else (S3) is left to the next route. */
  route(request: FakeRequest): FakeResponse | undefined {
    const target = request.headers['x-amz-target'];
    if (!target?.startsWith('AmazonSQS.')) return undefined;
    const operation = target.slice('AmazonSQS.'.length);
    const input = JSON.parse(request.body || '{}') as Record<string, unknown>;
    this.calls.push({ operation, input });
    if (input.QueueUrl !== this.queueUrl) {
      return sqsJsonError(
        400,
        'com.amazonaws.sqs#QueueDoesNotExist',
        'AWS.SimpleQueueService.NonExistentQueue',
        'The specified queue does not exist.',
      );
    }
    if (this.denied.has(operation)) return sqsAccessDenied(operation, this.queueArn);
    switch (operation) {
      case 'ReceiveMessage':
        if (this.throttleReceives > 0) {
          this.throttleReceives -= 1;
          return sqsJsonError(400, 'com.amazonaws.sqs#RequestThrottled', 'RequestThrottled', 'Request is throttled.');
        }
        return this.receive(input);
      case 'DeleteMessage': {
        // a stale receipt handle succeeds without deleting, as SQS documents
        const index = this.messages.findIndex((m) => m.receiptHandle === input.ReceiptHandle);
        if (index >= 0) this.messages.splice(index, 1);
        return json({});
      }
      case 'ChangeMessageVisibility': {
        const message = this.messages.find((m) => m.receiptHandle === input.ReceiptHandle);
        if (!message)
          return sqsJsonError(
            400,
            'com.amazonaws.sqs#ReceiptHandleIsInvalid',
            'ReceiptHandleIsInvalid',
            `The input receipt handle "${String(input.ReceiptHandle)}" is not a valid receipt handle.`,
          );
        message.invisibleUntil = this.now + Number(input.VisibilityTimeout);
        return json({});
      }
      case 'GetQueueAttributes':
        return this.attributes(input);
      default:
        return sqsJsonError(
          400,
          'com.amazonaws.sqs#InvalidAction',
          'InvalidAction',
          `The action ${operation} is not valid for this endpoint.`,
        );
    }
  }

  private receive(input: Record<string, unknown>): FakeResponse {
    const wanted = [
      ...((input.MessageSystemAttributeNames as string[] | undefined) ?? []),
      ...((input.AttributeNames as string[] | undefined) ?? []),
    ];
    const withCount = wanted.includes('All') || wanted.includes('ApproximateReceiveCount');
    const max = Number(input.MaxNumberOfMessages ?? 1);
    const out: Record<string, unknown>[] = [];
    for (const message of [...this.messages]) {
      if (out.length >= max) break;
      if (message.invisibleUntil > this.now) continue;
      if (this.redrivePolicy && message.receiveCount >= this.redrivePolicy.maxReceiveCount) {
        this.messages.splice(this.messages.indexOf(message), 1);
        this.deadLetters.push(message);
        continue;
      }
      message.receiveCount += 1;
      const delivery = `${message.id}#${message.receiveCount}`;
      message.receiptHandle = `AQEB${Buffer.from(delivery).toString('base64')}`;
      this.deliveries.set(message.receiptHandle, delivery);
      // a receive may ask for its own visibility timeout instead of the queue's
      message.invisibleUntil = this.now + Number(input.VisibilityTimeout ?? this.visibilityTimeout);
      out.push({
        MessageId: message.id,
        ReceiptHandle: message.receiptHandle,
        MD5OfBody: createHash('md5').update(message.body).digest('hex'),
        Body: message.body,
        ...(withCount ? { Attributes: { ApproximateReceiveCount: String(message.receiveCount) } } : {}),
      });
    }
    return json(out.length > 0 ? { Messages: out } : {});
  }

  private attributes(input: Record<string, unknown>): FakeResponse {
    const names = (input.AttributeNames as string[] | undefined) ?? [];
    const all: Record<string, string> = {
      VisibilityTimeout: String(this.visibilityTimeout),
      ApproximateNumberOfMessages: String(this.messages.filter((m) => m.invisibleUntil <= this.now).length),
      ApproximateNumberOfMessagesNotVisible: String(this.messages.filter((m) => m.invisibleUntil > this.now).length),
      QueueArn: this.queueArn,
      ...(this.redrivePolicy ? { RedrivePolicy: JSON.stringify(this.redrivePolicy) } : {}),
    };
    const picked = Object.fromEntries(
      Object.entries(all).filter(([name]) => names.includes('All') || names.includes(name)),
    );
    return json(Object.keys(picked).length > 0 ? { Attributes: picked } : {});
  }
}
