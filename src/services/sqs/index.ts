import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { defineService } from '../define-service.ts';
import { nextTokenPages } from '../pagination.ts';
import { SQS_LISTINGS, SQS_PER_RESOURCE } from './schema.ts';

/** Amazon SQS evidence of one region: the queue URLs, and each queue's attributes (encryption, access policy). */
export default defineService({
  name: 'sqs',
  title: 'Amazon SQS',
  scope: 'regional',
  client: SQSClient,
  operations: {
    ListQueues: {
      command: ListQueuesCommand,
      input: () => ({ MaxResults: 1000 }),
      pages: nextTokenPages('QueueUrls'),
      response: SQS_LISTINGS.ListQueues,
      iam: ['sqs:ListQueues'],
    },
    GetQueueAttributes: {
      command: GetQueueAttributesCommand,
      perResource: {
        after: ['ListQueues'],
        // a queue is named by its URL: ListQueues gives nothing else, and GetQueueAttributes takes nothing else
        targets: (answers) =>
          ((answers.ListQueues as { QueueUrls?: string[] } | undefined)?.QueueUrls ?? []).map((url) => ({
            key: url,
            input: { QueueUrl: url, AttributeNames: ['All'] },
          })),
      },
      response: SQS_PER_RESOURCE.GetQueueAttributes,
      iam: ['sqs:GetQueueAttributes'],
    },
  },
});
