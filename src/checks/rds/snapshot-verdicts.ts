import { fail, pass, type Verdict } from '../define-check.ts';
import type { RdsSnapshot } from '../../services/rds/model.ts';

/** What Security Hub RDS.1 and RDS.4 ask of DB snapshots and cluster snapshots alike. */

export function snapshotNotPublicVerdict(snapshot: RdsSnapshot, restoreAccounts: string[]): Verdict {
  if (snapshot.type !== 'manual')
    return pass(`${snapshot.id} is an ${snapshot.type} snapshot, which RDS does not let anyone share`);
  if (restoreAccounts.includes('all'))
    return fail(`${snapshot.id} can be copied or restored by any AWS account (restore attribute: all)`);
  const shared = restoreAccounts.length > 0 ? `, shared with ${restoreAccounts.join(', ')}` : '';
  return pass(`${snapshot.id} is private${shared}`);
}

export function snapshotEncryptedVerdict(snapshot: RdsSnapshot): Verdict {
  if (snapshot.encrypted)
    return pass(`${snapshot.id} is encrypted at rest${snapshot.kmsKeyId ? ` with ${snapshot.kmsKeyId}` : ''}`);
  return fail(
    `${snapshot.id} (${snapshot.type}, of ${snapshot.source ?? 'an unnamed source'}) is not encrypted at rest`,
  );
}
