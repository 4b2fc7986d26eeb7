import {
  DescribeClusterParametersCommand,
  DescribeClustersCommand,
  DescribeLoggingStatusCommand,
  RedshiftClient,
} from '@aws-sdk/client-redshift';
import { defineService } from '../define-service.ts';
import { REDSHIFT_LISTINGS, REDSHIFT_PER_RESOURCE } from './schema.ts';

type Listed = {
  Clusters?: { ClusterIdentifier?: string; ClusterParameterGroups?: { ParameterGroupName?: string }[] }[];
};
const clustersIn = (answers: Readonly<Record<string, unknown>>) =>
  (answers.DescribeClusters as Listed | undefined)?.Clusters ?? [];

/**
 * Amazon Redshift evidence of one region: the provisioned clusters, each cluster's audit logging status, and the
 * parameters of every parameter group a cluster uses (asked once per group, however many clusters share it).
 */
export default defineService({
  name: 'redshift',
  title: 'Amazon Redshift',
  scope: 'regional',
  client: RedshiftClient,
  operations: {
    DescribeClusters: {
      command: DescribeClustersCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'Marker', output: 'Marker', items: ['Clusters'] },
      response: REDSHIFT_LISTINGS.DescribeClusters,
      iam: ['redshift:DescribeClusters'],
    },
    DescribeLoggingStatus: {
      command: DescribeLoggingStatusCommand,
      perResource: {
        after: ['DescribeClusters'],
        targets: (answers) =>
          clustersIn(answers).flatMap((c) =>
            c.ClusterIdentifier === undefined
              ? []
              : [{ key: c.ClusterIdentifier, input: { ClusterIdentifier: c.ClusterIdentifier } }],
          ),
      },
      response: REDSHIFT_PER_RESOURCE.DescribeLoggingStatus,
      iam: ['redshift:DescribeLoggingStatus'],
    },
    DescribeClusterParameters: {
      command: DescribeClusterParametersCommand,
      perResource: {
        after: ['DescribeClusters'],
        targets: (answers) =>
          [
            ...new Set(
              clustersIn(answers).flatMap((c) =>
                (c.ClusterParameterGroups ?? []).flatMap((g) =>
                  g.ParameterGroupName === undefined ? [] : [g.ParameterGroupName],
                ),
              ),
            ),
          ].map((name) => ({ key: name, input: { ParameterGroupName: name, MaxRecords: 100 } })),
      },
      pages: { input: 'Marker', output: 'Marker', items: ['Parameters'] },
      response: REDSHIFT_PER_RESOURCE.DescribeClusterParameters,
      iam: ['redshift:DescribeClusterParameters'],
    },
  },
});
