/**
 * `sns:arn:aws:sns:REGION:ACCOUNT:TOPIC`: one Publish per notice. The message is the notice's JSON (clipped to fit
 * SNS's 256 KB, attributes included); `kind`, `severity` and `account` are message attributes, so subscriptions can
 * filter on them. FIFO topics get a message group and the fingerprint as deduplication id.
 */
import { PublishCommand, type PublishCommandInput, type SNSClient } from '@aws-sdk/client-sns';
import { UserError } from '../errors.ts';
import { awsOutcome } from './aws-outcome.ts';
import { fitJson } from './fit.ts';
import type { Notice } from './notice.ts';
import type { Outcome, Transport } from './transport.ts';

/** SNS's limit for a message and its attributes together */
export const SNS_MAX_BYTES = 256 * 1024;
/** room kept for the attributes, which are small and bounded (kind, severity, an account id) */
const ATTRIBUTE_ROOM = 1024;
const TOPIC_ARN = /^arn:(aws|aws-cn|aws-us-gov):sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,256}(\.fifo)?)$/;

export interface TopicRef {
  arn: string;
  region: string;
  fifo: boolean;
}

export function parseTopicArn(text: string, field: string): TopicRef {
  const match = TOPIC_ARN.exec(text);
  if (!match) throw new UserError(`"${text}" is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:TOPIC)`, { field });
  return { arn: text, region: match[2]!, fifo: match[5] !== undefined };
}

/** Subject: printable ASCII only, no line breaks, at most 100 characters. */
export function snsSubject(notice: Notice): string {
  const text = `cloudwarden ${notice.kind}: ${notice.title}`.replace(/[^\x20-\x7e]/g, '?');
  return text.length <= 100 ? text : `${text.slice(0, 99)}~`;
}

export function publishInput(topic: TopicRef, notice: Notice): PublishCommandInput {
  const attribute = (value: string) => ({ DataType: 'String', StringValue: value });
  return {
    TopicArn: topic.arn,
    Subject: snsSubject(notice),
    Message: fitJson(notice.json, SNS_MAX_BYTES - ATTRIBUTE_ROOM),
    MessageAttributes: {
      kind: attribute(notice.kind),
      severity: attribute(notice.severity),
      ...(notice.account ? { account: attribute(notice.account) } : {}),
    },
    ...(topic.fifo ? { MessageGroupId: 'cloudwarden', MessageDeduplicationId: notice.fingerprint.slice(0, 128) } : {}),
  };
}

export class SnsTransport implements Transport {
  readonly label = 'sns';
  readonly shown: string;
  readonly maxBatch = 1;
  readonly concurrency = 4;

  constructor(
    private readonly topic: TopicRef,
    private readonly client: (region: string) => Promise<Pick<SNSClient, 'send'>>,
  ) {
    this.shown = topic.arn;
  }

  async send(notices: readonly Notice[]): Promise<Outcome[]> {
    try {
      await (await this.client(this.topic.region)).send(new PublishCommand(publishInput(this.topic, notices[0]!)));
      return [{ status: 'ok' }];
    } catch (error) {
      return [awsOutcome(error, 'sns:Publish')];
    }
  }
}
