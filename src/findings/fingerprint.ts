import { createHash } from 'node:crypto';

/**
 * A finding's identity across scans: the same check on the same resource is the same finding,
 * which gives first seen / last seen / age and idempotent alerts and imports.
 */
export function fingerprint(checkId: string, resourceArn: string): string {
  return createHash('sha256').update(`${checkId}\u0000${resourceArn}`).digest('hex');
}
