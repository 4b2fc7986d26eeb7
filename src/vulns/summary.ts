import { SEVERITIES, type InspectorFinding, type InspectorSeverity } from './finding.ts';

/** What a report says at its end: counted as findings stream past, never kept. */
export interface ReportSummary {
  total: number;
  bySeverity: Record<InspectorSeverity, number>;
  fixAvailable: number;
  exploitAvailable: number;
}

export function emptySummary(): ReportSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<InspectorSeverity, number>;
  return { total: 0, bySeverity, fixAvailable: 0, exploitAvailable: 0 };
}

export function count(summary: ReportSummary, finding: InspectorFinding): void {
  summary.total += 1;
  if (finding.severity in summary.bySeverity) summary.bySeverity[finding.severity] += 1;
  if (finding.fixAvailable === 'YES' || finding.fixAvailable === 'PARTIAL') summary.fixAvailable += 1;
  if (finding.exploitAvailable === 'YES') summary.exploitAvailable += 1;
}

/** `12 findings: CRITICAL 1, HIGH 3, ...; fix available for 8; exploit known for 2` */
export function summaryLine(summary: ReportSummary): string {
  const severities = SEVERITIES.filter((s) => summary.bySeverity[s] > 0).map((s) => `${s} ${summary.bySeverity[s]}`);
  const noun = summary.total === 1 ? 'finding' : 'findings';
  return (
    `${summary.total} ${noun}${severities.length ? `: ${severities.join(', ')}` : ''}; ` +
    `fix available for ${summary.fixAvailable}; exploit known for ${summary.exploitAvailable}`
  );
}
