/**
 * Messages in work stay invisible: every `everyMs` the visibility of each message still held is extended
 * (ChangeMessageVisibility to `seconds` from now), so that a slow sink or a long rescan does not let the message
 * reappear and be worked on twice by another consumer. A message is dropped once deleted or left on the queue
 * (it then reappears when its last extension runs out); `release` makes one visible at once (VisibilityTimeout 0),
 * for messages received but not worked on when the process stops.
 */
import { ChangeMessageVisibilityCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { errorRecord } from '../../aws/aws-errors.ts';

export interface VisibilityOptions {
  sqs: SQSClient;
  queueUrl: string;
  /** visibility a receive asks for and each extension renews */
  seconds: number;
  /** how often held messages are extended (a third of `seconds` by default) */
  everyMs?: number;
  log: (line: string) => void;
}

export class VisibilityKeeper {
  private readonly held = new Map<string, Message>();
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> = Promise.resolve();

  constructor(private readonly options: VisibilityOptions) {}

  hold(message: Message): void {
    if (!message.ReceiptHandle) return;
    this.held.set(message.ReceiptHandle, message);
    if (!this.timer) {
      this.timer = setInterval(
        () => {
          this.beating = this.beating.then(() => this.extend());
        },
        this.options.everyMs ?? (this.options.seconds * 1000) / 3,
      );
      this.timer.unref();
    }
  }

  drop(message: Message): void {
    if (message.ReceiptHandle) this.held.delete(message.ReceiptHandle);
    if (this.held.size === 0) this.stop();
  }

  /** Visible again now: another consumer (or this one, restarted) takes it. */
  async release(message: Message): Promise<void> {
    this.drop(message);
    await this.change(message, 0);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  get holding(): number {
    return this.held.size;
  }

  private async extend(): Promise<void> {
    for (const message of [...this.held.values()]) {
      if (!this.held.has(message.ReceiptHandle ?? '')) continue;
      if (!(await this.change(message, this.options.seconds))) this.drop(message);
    }
  }

  private async change(message: Message, seconds: number): Promise<boolean> {
    try {
      await this.options.sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: this.options.queueUrl,
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: seconds,
        }),
      );
      return true;
    } catch (error) {
      const record = errorRecord(error);
      this.options.log(
        `sqs: could not set the visibility of message ${message.MessageId ?? '?'} to ${seconds} s (${record.name}: ${record.message})`,
      );
      return false;
    }
  }
}
