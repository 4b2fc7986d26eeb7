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
}

export interface RdsState {
  instances: RdsInstance[];
}
