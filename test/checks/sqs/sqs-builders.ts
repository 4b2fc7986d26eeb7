import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';

export const queueUrl = (name: string) => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT_ID}/${name}`;
export const queueArn = (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:${name}`;

/** A GetQueueAttributes answer for AttributeNames ["All"]: every value a string, as SQS returns them. */
export function queueAttributes(name: string, overrides: Record<string, string | undefined> = {}) {
  const attributes: Record<string, string | undefined> = {
    QueueArn: queueArn(name),
    ApproximateNumberOfMessages: '0',
    ApproximateNumberOfMessagesNotVisible: '0',
    ApproximateNumberOfMessagesDelayed: '0',
    CreatedTimestamp: '1767225600',
    LastModifiedTimestamp: '1767225600',
    VisibilityTimeout: '30',
    MaximumMessageSize: '262144',
    MessageRetentionPeriod: '345600',
    DelaySeconds: '0',
    ReceiveMessageWaitTimeSeconds: '0',
    SqsManagedSseEnabled: 'true',
    ...overrides,
  };
  return {
    Attributes: Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >,
  };
}

/** A queue policy as the Policy attribute holds it: JSON text. */
export const policy = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Id: `${queueArn('orders')}/SQSDefaultPolicy`, Statement: statements });

/** A region answering ListQueues with the queues' URLs and GetQueueAttributes per URL as given. */
export function sqsSnapshot(queues: string[], attributes: Record<string, unknown> = {}): Snapshot {
  return snapshotOf({
    sqs: { [REGION]: { ListQueues: { QueueUrls: queues.map(queueUrl) }, GetQueueAttributes: attributes } },
  } as Parameters<typeof snapshotOf>[0]);
}

/** One queue named `name` whose GetQueueAttributes answered `answer`. */
export const oneQueue = (name: string, answer: unknown) => sqsSnapshot([name], { [queueUrl(name)]: answer });

export const DENIED = snapshotOf({
  sqs: {
    [REGION]: {
      ListQueues: awsError(
        'AccessDenied',
        `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: sqs:listqueues on resource: arn:aws:sqs:${REGION}:${ACCOUNT_ID}: because no identity-based policy allows the sqs:listqueues action`,
      ),
    },
  },
});
export const DENIED_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:*`;
export const ATTRIBUTES_DENIED = awsError(
  'AccessDenied',
  `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: sqs:getqueueattributes`,
);
