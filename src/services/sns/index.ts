import { ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { SNS_LISTINGS, SNS_PER_RESOURCE } from './schema.ts';
import { defineService } from '../define-service.ts';
import { nextTokenPages } from '../pagination.ts';

/** SNS evidence of one region: every topic and its subscriptions (whether anyone receives what it publishes). */
export default defineService({
  name: 'sns',
  title: 'Amazon SNS',
  scope: 'regional',
  client: SNSClient,
  operations: {
    ListTopics: {
      command: ListTopicsCommand,
      pages: nextTokenPages('Topics'),
      response: SNS_LISTINGS.ListTopics,
      iam: ['sns:ListTopics'],
    },
    ListSubscriptionsByTopic: {
      command: ListSubscriptionsByTopicCommand,
      perResource: {
        after: ['ListTopics'],
        targets: (answers) =>
          ((answers.ListTopics as { Topics?: { TopicArn?: string }[] } | undefined)?.Topics ?? []).flatMap((t) =>
            t.TopicArn ? [{ key: t.TopicArn, input: { TopicArn: t.TopicArn } }] : [],
          ),
      },
      pages: nextTokenPages('Subscriptions'),
      response: SNS_PER_RESOURCE.ListSubscriptionsByTopic,
      iam: ['sns:ListSubscriptionsByTopic'],
    },
  },
});
