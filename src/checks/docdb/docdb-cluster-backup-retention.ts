import { defineCheck } from '../define-check.ts';
import { backupRetentionVerdict, MINIMUM_BACKUP_DAYS } from '../db-cluster-verdicts.ts';

export default defineCheck({
  id: 'docdb-cluster-backup-retention',
  aliases: ['DocumentDB.2', 'documentdb_cluster_backup_enabled'],
  service: 'docdb',
  resource: 'docdb-cluster',
  severity: 'medium',
  title: `DocumentDB clusters keep automated backups for at least ${MINIMUM_BACKUP_DAYS} days`,
  description: `Automated backups allow a point-in-time restore within the retention period (1 to 35 days, 1 by default). Security Hub DocumentDB.2 fails a retention below ${MINIMUM_BACKUP_DAYS} days.`,
  remediation: {
    terraform: `resource "aws_docdb_cluster" "this" {
  # ...
  backup_retention_period = ${MINIMUM_BACKUP_DAYS}
}`,
    cli: `aws docdb modify-db-cluster --db-cluster-identifier CLUSTER --backup-retention-period ${MINIMUM_BACKUP_DAYS} --apply-immediately --region REGION`,
    console: `Amazon DocumentDB console (in the region) > Clusters > CLUSTER > Modify > Backup retention period: ${MINIMUM_BACKUP_DAYS} days or more > Continue > Apply immediately.`,
  },
  references: [
    'https://docs.aws.amazon.com/documentdb/latest/developerguide/backup_restore.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-2',
  ],
  needs: ['docdb:DescribeDBClusters'],
  triggers: ['CreateDBCluster', 'ModifyDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime'],
  evaluate: backupRetentionVerdict,
});
