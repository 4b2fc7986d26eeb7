/** The sink notices of what one recorded scan changed: the findings it opened and those it resolved. */
import { fingerprint } from '../findings/fingerprint.ts';
import type { Result } from '../findings/result.ts';
import { findingNotice, type Notice } from '../notify/notice.ts';
import type { ScanSummary } from '../store/posture.ts';

export function changeNotices(summary: ScanSummary, results: readonly Result[], collectedAt: string): Notice[] {
  const byFingerprint = new Map<string, Result>(results.map((r) => [fingerprint(r.checkId, r.resource.arn), r]));
  return [
    ...summary.opened.flatMap((id) => {
      const result = byFingerprint.get(id);
      return result ? [findingNotice(result, 'new', collectedAt)] : [];
    }),
    ...summary.closed.flatMap(({ fingerprint: id }) => {
      const result = byFingerprint.get(id);
      return result ? [findingNotice(result, 'resolved', collectedAt)] : [];
    }),
  ];
}
