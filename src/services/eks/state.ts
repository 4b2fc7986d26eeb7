import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe, present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, resourceArn, type NormaliseContext } from '../define-state.ts';
import type { EksSection } from './schema.ts';

/** What DescribeCluster says about a cluster. */
export interface EksClusterDetails {
  version: string | undefined;
  endpointPublicAccess: boolean;
  publicAccessCidrs: string[];
  /** the KMS key that envelope-encrypts Kubernetes secrets, when one does */
  secretsKeyArn: string | undefined;
  /** control plane log types sent to CloudWatch Logs (`api`, `audit`, `authenticator`…) */
  enabledLogTypes: string[];
}

/** An EKS cluster, ARN `arn:<partition>:eks:<region>:<account>:cluster/<name>`. */
export interface EksCluster {
  kind: 'eks-cluster';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  details: Observed<EksClusterDetails>;
}

export interface EksState {
  clusters: EksCluster[];
}

/** The clusters of every region; a failed ListClusters is a gap (its clusters' checks say unknown). */
function normaliseEks(section: EksSection, context: NormaliseContext): { state: EksState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: EksState = { clusters: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const described = entry.DescribeCluster ?? {};
    const listed = listing(
      entry.ListClusters,
      { operation: 'eks:ListClusters', region },
      [context.hidden('eks-cluster', region)],
      gaps,
      (r) =>
        (r.clusters ?? []).map((name): EksCluster => ({
          kind: 'eks-cluster',
          arn: context.arn('eks-cluster', region, name),
          region,
          accountId: context.accountId,
          name,
          details: observe(described[name], 'eks:DescribeCluster', [], ({ cluster }) => ({
            version: cluster.version,
            // EKS's default for a new cluster is a public endpoint
            endpointPublicAccess: cluster.resourcesVpcConfig?.endpointPublicAccess !== false,
            publicAccessCidrs: cluster.resourcesVpcConfig?.publicAccessCidrs ?? [],
            secretsKeyArn: (cluster.encryptionConfig ?? []).find((c) => c.resources?.includes('secrets'))?.provider
              ?.keyArn,
            enabledLogTypes: (cluster.logging?.clusterLogging ?? [])
              .filter((l) => l.enabled === true)
              .flatMap((l) => l.types ?? []),
          })),
        })),
    );
    appendAll(state.clusters, listed.items);
  }
  return { state, gaps };
}

/** Amazon EKS in the account state: `state.eks` (clusters of every region). */
export default defineServiceState({
  sections: ['eks'],
  normalise: (snapshot, context) => normaliseEks(snapshot.eks ?? {}, context),
  resources: {
    'eks-cluster': {
      securityHubType: 'AwsEksCluster',
      arn: resourceArn('eks', 'cluster'),
      of: (state: EksState) => state.clusters,
    },
  },
  operations: {
    'eks:ListClusters': { scope: 'eks-cluster', read: (_s: EksState, c: EksCluster) => present(c) },
    'eks:DescribeCluster': { scope: 'eks-cluster', read: (_s: EksState, c: EksCluster) => c.details },
  },
});
