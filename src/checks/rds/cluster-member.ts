import { inconclusive, type Verdict } from '../define-check.ts';
import type { RdsInstance } from '../../services/rds/model.ts';

/**
 * An Aurora member reports some settings on the instance while the cluster decides them (DescribeDBClusters,
 * not collected): its verdict is unknown, naming the cluster, rather than judged from the instance's copy.
 */
export function clusterDecides(db: RdsInstance, setting: string): Verdict | undefined {
  if (db.cluster === undefined) return undefined;
  return inconclusive(
    `${db.identifier} is a member of cluster ${db.cluster}`,
    `its ${setting} is the cluster's (DescribeDBClusters, not collected)`,
  );
}
