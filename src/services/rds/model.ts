import type { Observed } from '../../model/observed.ts';
import type { DbCluster } from '../db-clusters.ts';

/** An RDS DB instance (ARN `arn:<partition>:rds:<region>:<account>:db:<identifier>`). */
export interface RdsInstance {
  kind: 'rds-instance';
  arn: string;
  region: string;
  accountId: string;
  identifier: string;
  engine: string;
  /** the Aurora cluster it belongs to: storage, encryption and Multi-AZ are the cluster's then */
  cluster: string | undefined;
  publiclyAccessible: boolean;
  storageEncrypted: boolean;
  autoMinorVersionUpgrade: boolean;
  multiAz: boolean;
  deletionProtection: boolean;
  /** days automated backups are kept; 0 turns them off */
  backupRetentionDays: number;
  /** seconds between Enhanced Monitoring samples; 0 when it is off */
  monitoringIntervalSeconds: number;
  /** the log types published to CloudWatch Logs (`postgresql`, `audit`, …) */
  logExports: string[];
  iamAuthentication: boolean;
  copyTagsToSnapshot: boolean;
}

export interface RdsState {
  instances: RdsInstance[];
  clusters: RdsCluster[];
  snapshots: RdsSnapshot<'rds-snapshot'>[];
  clusterSnapshots: RdsSnapshot<'rds-cluster-snapshot'>[];
}

/** An Aurora or Multi-AZ DB cluster (DocumentDB's and Neptune's are their services'). */
export type RdsCluster = DbCluster<'rds-cluster'>;

/**
 * A DB snapshot (`arn:<partition>:rds:<region>:<account>:snapshot:<id>`) or cluster snapshot (`…:cluster-snapshot:<id>`)
 * of the account, manual or automated.
 */
export interface RdsSnapshot<
  K extends 'rds-snapshot' | 'rds-cluster-snapshot' = 'rds-snapshot' | 'rds-cluster-snapshot',
> {
  kind: K;
  arn: string;
  region: string;
  accountId: string;
  id: string;
  /** the DB instance or cluster it was taken of */
  source: string | undefined;
  /** `manual`, `automated`, `awsbackup`… */
  type: string;
  engine: string;
  encrypted: boolean;
  kmsKeyId: string | undefined;
  /**
   * The accounts the `restore` attribute lets copy or restore it (`all`: anyone), from
   * DescribeDB[Cluster]SnapshotAttributes; an automated snapshot cannot be shared, so it is an empty list there.
   */
  restoreAccounts: Observed<string[]>;
}
