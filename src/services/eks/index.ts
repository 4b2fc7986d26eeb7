import { DescribeClusterCommand, EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import { camelNextTokenPages } from '../pagination.ts';
import { defineService } from '../define-service.ts';
import { EKS_LISTINGS, EKS_PER_RESOURCE } from './schema.ts';

/** Amazon EKS evidence of one region: the cluster names, and each cluster's description (endpoint, encryption, logs). */
export default defineService({
  name: 'eks',
  title: 'Amazon EKS',
  scope: 'regional',
  client: EKSClient,
  operations: {
    ListClusters: {
      command: ListClustersCommand,
      input: () => ({ maxResults: 100 }),
      pages: camelNextTokenPages('clusters'),
      response: EKS_LISTINGS.ListClusters,
      iam: ['eks:ListClusters'],
    },
    DescribeCluster: {
      command: DescribeClusterCommand,
      perResource: {
        after: ['ListClusters'],
        targets: (answers) =>
          ((answers.ListClusters as { clusters?: string[] } | undefined)?.clusters ?? []).map((name) => ({
            key: name,
            input: { name },
          })),
      },
      response: EKS_PER_RESOURCE.DescribeCluster,
      iam: ['eks:DescribeCluster'],
    },
  },
});
