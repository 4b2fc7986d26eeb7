import { defineCheck } from '../define-check.ts';
import { backupRetentionVerdict, MINIMUM_BACKUP_DAYS } from '../db-cluster-verdicts.ts';

export default defineCheck({
  id: 'neptune-cluster-backup-retention',
  aliases: ['Neptune.5', 'neptune_cluster_backup_enabled'],
  service: 'neptune',
  resource: 'neptune-cluster',
  severity: 'medium',
  title: `Neptune DB clusters keep automated backups for at least ${MINIMUM_BACKUP_DAYS} days`,
  description: `Automated backups allow a point-in-time restore within the retention period (1 to 35 days, 1 by default). Security Hub Neptune.5 fails a retention below ${MINIMUM_BACKUP_DAYS} days.`,
  remediation: {
    terraform: `resource "aws_neptune_cluster" "this" {
  # ...
  backup_retention_period = ${MINIMUM_BACKUP_DAYS}
}`,
    cli: `aws neptune modify-db-cluster --db-cluster-identifier CLUSTER --backup-retention-period ${MINIMUM_BACKUP_DAYS} --apply-immediately --region REGION`,
    console: `Neptune console (in the region) > Clusters > CLUSTER > Modify > Backup retention period: ${MINIMUM_BACKUP_DAYS} days or more > Continue > Apply immediately.`,
  },
  references: [
    'https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-overview.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-5',
  ],
  needs: ['neptune:DescribeDBClusters'],
  triggers: ['CreateDBCluster', 'ModifyDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime'],
  evaluate: backupRetentionVerdict,
});
