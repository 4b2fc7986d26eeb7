import type { DbCluster } from '../services/db-clusters.ts';
import { fail, inconclusive, pass, type Verdict } from './define-check.ts';

/**
 * The verdicts DocumentDB and Neptune checks share: Security Hub asks the same of both engines' clusters (DocumentDB.1
 * and Neptune.1, .2 and .4, .4 and .5, .5 and .4), and the RDS API describes them with the same fields.
 */

/** Security Hub DocumentDB.2's and Neptune.5's minimum backup retention, in days. */
export const MINIMUM_BACKUP_DAYS = 7;

export function storageEncryptedVerdict(cluster: DbCluster): Verdict {
  if (cluster.storageEncrypted)
    return pass(`${cluster.id} encrypts its storage at rest${cluster.kmsKeyId ? ` with ${cluster.kmsKeyId}` : ''}`);
  return fail(`${cluster.id} does not encrypt its storage at rest`);
}

export function backupRetentionVerdict(cluster: DbCluster): Verdict {
  const days = cluster.backupRetentionDays;
  // AWS always reports it; a listing without it is not evidence of a short retention
  if (days === undefined)
    return inconclusive(
      `${cluster.id}'s backup retention is not in the listing`,
      'BackupRetentionPeriod missing from DescribeDBClusters',
    );
  if (days >= MINIMUM_BACKUP_DAYS) return pass(`${cluster.id} keeps automated backups for ${days} days`);
  return fail(`${cluster.id} keeps automated backups for ${days} day(s), fewer than ${MINIMUM_BACKUP_DAYS}`);
}

export function auditLogExportVerdict(cluster: DbCluster): Verdict {
  if (cluster.logExports.includes('audit')) return pass(`${cluster.id} exports its audit log to CloudWatch Logs`);
  const others = cluster.logExports.length > 0 ? ` (it exports ${cluster.logExports.join(', ')})` : '';
  return fail(`${cluster.id} does not export its audit log to CloudWatch Logs${others}`);
}

export function deletionProtectionVerdict(cluster: DbCluster): Verdict {
  if (cluster.deletionProtection) return pass(`${cluster.id} has deletion protection enabled`);
  return fail(`${cluster.id} can be deleted without first turning deletion protection off`);
}
