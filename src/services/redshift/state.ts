import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe, present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, type NormaliseContext } from '../define-state.ts';
import type { RedshiftSection } from './schema.ts';

/** What DescribeLoggingStatus says about a cluster's audit logging. */
export interface RedshiftLogging {
  enabled: boolean;
  /** `s3 (bucket)` or `cloudwatch`, when logging is on */
  destination: string | undefined;
}

/** `require_ssl` in one parameter group a cluster uses. */
export interface RedshiftSslSetting {
  group: string;
  /** the parameter's value (`true`/`false`), undefined when the group does not list it */
  requireSsl: string | undefined;
  /** `in-sync`, or `pending-reboot`: a changed static parameter is not in force until the cluster reboots */
  applyStatus: string | undefined;
}

/** A provisioned Redshift cluster, ARN `arn:<partition>:redshift:<region>:<account>:cluster:<identifier>`. */
export interface RedshiftCluster {
  kind: 'redshift-cluster';
  arn: string;
  region: string;
  accountId: string;
  id: string;
  masterUsername: string | undefined;
  publiclyAccessible: boolean;
  encrypted: boolean;
  kmsKeyId: string | undefined;
  enhancedVpcRouting: boolean;
  allowVersionUpgrade: boolean;
  /** automated snapshot retention in days (0: automated snapshots off) */
  snapshotRetentionDays: number | undefined;
  logging: Observed<RedshiftLogging>;
  /** one entry per parameter group of the cluster, from DescribeClusterParameters */
  ssl: Observed<RedshiftSslSetting[]>;
}

export interface RedshiftState {
  clusters: RedshiftCluster[];
}

type ParameterAnswers = NonNullable<NonNullable<RedshiftSection[string]>['DescribeClusterParameters']>;

/** The `require_ssl` settings of a cluster's groups; the first group that was not read decides the whole. */
function sslOf(
  groups: readonly { ParameterGroupName?: string; ParameterApplyStatus?: string }[],
  answers: ParameterAnswers,
): Observed<RedshiftSslSetting[]> {
  const settings: RedshiftSslSetting[] = [];
  for (const { ParameterGroupName: group, ParameterApplyStatus: applyStatus } of groups) {
    if (group === undefined) continue;
    const observed = observe(answers[group], 'redshift:DescribeClusterParameters', [], (r) => ({
      group,
      requireSsl: r.Parameters.find((p) => p.ParameterName === 'require_ssl')?.ParameterValue,
      applyStatus,
    }));
    if (observed.kind !== 'present') return observed;
    settings.push(observed.value);
  }
  return present(settings);
}

/** The clusters of every region; a failed DescribeClusters is a gap (its clusters' checks say unknown). */
function normaliseRedshift(section: RedshiftSection, context: NormaliseContext): { state: RedshiftState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: RedshiftState = { clusters: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const logging = entry.DescribeLoggingStatus ?? {};
    const parameters = entry.DescribeClusterParameters ?? {};
    const listed = listing(
      entry.DescribeClusters,
      { operation: 'redshift:DescribeClusters', region },
      [context.hidden('redshift-cluster', region)],
      gaps,
      (r) =>
        r.Clusters.map((c): RedshiftCluster => ({
          kind: 'redshift-cluster',
          arn: context.arn('redshift-cluster', region, c.ClusterIdentifier),
          region,
          accountId: context.accountId,
          id: c.ClusterIdentifier,
          masterUsername: c.MasterUsername,
          publiclyAccessible: c.PubliclyAccessible === true,
          encrypted: c.Encrypted === true,
          kmsKeyId: c.KmsKeyId,
          enhancedVpcRouting: c.EnhancedVpcRouting === true,
          allowVersionUpgrade: c.AllowVersionUpgrade === true,
          snapshotRetentionDays: c.AutomatedSnapshotRetentionPeriod,
          logging: observe(logging[c.ClusterIdentifier], 'redshift:DescribeLoggingStatus', [], (s) => ({
            enabled: s.LoggingEnabled === true,
            destination:
              s.LogDestinationType === 'cloudwatch'
                ? 'CloudWatch Logs'
                : s.BucketName === undefined
                  ? s.LogDestinationType
                  : `s3://${s.BucketName}`,
          })),
          ssl: sslOf(c.ClusterParameterGroups ?? [], parameters),
        })),
    );
    appendAll(state.clusters, listed.items);
  }
  return { state, gaps };
}

/** Amazon Redshift in the account state: `state.redshift` (provisioned clusters of every region). */
export default defineServiceState({
  sections: ['redshift'],
  normalise: (snapshot, context) => normaliseRedshift(snapshot.redshift ?? {}, context),
  resources: {
    'redshift-cluster': {
      securityHubType: 'AwsRedshiftCluster',
      // a colon, not a slash, before the identifier
      arn: ({ partition, region, accountId, id }) => `arn:${partition}:redshift:${region}:${accountId}:cluster:${id}`,
      of: (state: RedshiftState) => state.clusters,
    },
  },
  operations: {
    'redshift:DescribeClusters': {
      scope: 'redshift-cluster',
      read: (_s: RedshiftState, c: RedshiftCluster) => present(c),
    },
    'redshift:DescribeLoggingStatus': {
      scope: 'redshift-cluster',
      read: (_s: RedshiftState, c: RedshiftCluster) => c.logging,
    },
    'redshift:DescribeClusterParameters': {
      scope: 'redshift-cluster',
      read: (_s: RedshiftState, c: RedshiftCluster) => c.ssl,
    },
  },
});
