const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `since` to `now` (both ISO times); the scan's collection time stands for "now". */
export function daysBetween(since: string, now: string): number {
  return Math.floor((Date.parse(now) - Date.parse(since)) / DAY_MS);
}

/** The credential report's idea of "when": the scan's collection time, so a saved snapshot gives the same verdicts later. */
export function reportNow(state: {
  collectedAt: string;
  iam: { credentialReport: { kind: string; value?: { generatedTime?: string } } };
}): string {
  const report = state.iam.credentialReport;
  return report.kind === 'present' && report.value?.generatedTime ? report.value.generatedTime : state.collectedAt;
}
