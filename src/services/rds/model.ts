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
}
