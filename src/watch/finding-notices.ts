/** The sink notices of what one recorded scan changed: the findings it opened and those it resolved. */
import { CHECKS } from '../checks/catalogue.ts';
import { fingerprint } from '../findings/fingerprint.ts';
import type { Result } from '../findings/result.ts';
import { SEVERITIES, type Severity } from '../findings/severity.ts';
import { findingNotice, type Notice } from '../notify/notice.ts';
import type { GoneFinding, ScanSummary } from '../store/posture.ts';

export function changeNotices(summary: ScanSummary, results: readonly Result[], collectedAt: string): Notice[] {
  const byFingerprint = new Map<string, Result>(results.map((r) => [fingerprint(r.checkId, r.resource.arn), r]));
  return [
    ...summary.opened.flatMap((id) => {
      const result = byFingerprint.get(id);
      return result ? [findingNotice(result, 'new', collectedAt)] : [];
    }),
    ...summary.closed.flatMap(({ fingerprint: id, gone }) => {
      // a resource that is gone has no result in the scan: its notice is told from the stored finding
      if (gone) return [findingNotice(lastSeen(gone), 'resolved', collectedAt, 'deleted')];
      const result = byFingerprint.get(id);
      return result ? [findingNotice(result, 'resolved', collectedAt)] : [];
    }),
  ];
}

/** The finding as the store last saw it, with the reason it was resolved as its message. */
function lastSeen(gone: GoneFinding): Result {
  const check = CHECKS.find((c) => c.id === gone.checkId);
  return {
    checkId: gone.checkId,
    aliases: check?.aliases ?? [],
    title: gone.title,
    severity: SEVERITIES.includes(gone.severity as Severity) ? (gone.severity as Severity) : 'medium',
    // an open finding is fail, unknown or accepted; a resolved verdict cannot reach here
    status: gone.verdict === 'unknown' || gone.verdict === 'accepted' ? gone.verdict : 'fail',
    resource: { arn: gone.resourceArn, type: gone.resourceType, region: gone.region },
    accountId: gone.accountId,
    message: gone.message,
    references: check?.references ?? [],
    ...(Object.keys(gone.tags).length > 0 ? { tags: gone.tags } : {}),
  };
}
