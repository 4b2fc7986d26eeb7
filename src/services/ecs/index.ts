import {
  DescribeClustersCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListClustersCommand,
  ListTaskDefinitionsCommand,
} from '@aws-sdk/client-ecs';
import { camelNextTokenPages } from '../pagination.ts';
import { defineService } from '../define-service.ts';
import { ECS_LISTINGS, ECS_PER_RESOURCE } from './schema.ts';
import { latestRevisions } from './revisions.ts';

const arnsOf = (answer: unknown, field: string): string[] =>
  ((answer as Record<string, string[] | undefined> | undefined)?.[field] ?? []).filter((a) => typeof a === 'string');

/**
 * Amazon ECS evidence of one region: the clusters with their settings, and the latest ACTIVE revision of every task
 * definition family (the one new tasks and services get; older revisions are history).
 */
export default defineService({
  name: 'ecs',
  title: 'Amazon ECS',
  scope: 'regional',
  client: ECSClient,
  operations: {
    ListClusters: {
      command: ListClustersCommand,
      input: () => ({ maxResults: 100 }),
      pages: camelNextTokenPages('clusterArns'),
      response: ECS_LISTINGS.ListClusters,
      iam: ['ecs:ListClusters'],
    },
    DescribeClusters: {
      command: DescribeClustersCommand,
      perResource: {
        after: ['ListClusters'],
        targets: (answers) =>
          arnsOf(answers.ListClusters, 'clusterArns').map((arn) => ({
            key: arn,
            input: { clusters: [arn], include: ['SETTINGS'] },
          })),
      },
      response: ECS_PER_RESOURCE.DescribeClusters,
      iam: ['ecs:DescribeClusters'],
    },
    ListTaskDefinitions: {
      command: ListTaskDefinitionsCommand,
      input: () => ({ status: 'ACTIVE', maxResults: 100 }),
      pages: camelNextTokenPages('taskDefinitionArns'),
      response: ECS_LISTINGS.ListTaskDefinitions,
      iam: ['ecs:ListTaskDefinitions'],
    },
    DescribeTaskDefinition: {
      command: DescribeTaskDefinitionCommand,
      perResource: {
        after: ['ListTaskDefinitions'],
        targets: (answers) =>
          latestRevisions(arnsOf(answers.ListTaskDefinitions, 'taskDefinitionArns')).map((arn) => ({
            key: arn,
            input: { taskDefinition: arn },
          })),
      },
      response: ECS_PER_RESOURCE.DescribeTaskDefinition,
      iam: ['ecs:DescribeTaskDefinition'],
    },
  },
});
