import type { InspectorFinding } from '../finding.ts';
import type { ReportSummary } from '../summary.ts';

export interface FormatContext {
  /** when the report is made (Age (Days), the report's date) */
  now: Date;
  /** ANSI colours for a terminal */
  color: boolean;
}

/**
 * A report format written as a stream: `begin`, one `finding` call per finding (each returns its
 * text at once, so nothing accumulates), then `end` with the counts. Pure functions of their input.
 */
export interface ReportFormat {
  /** file extension for generated S3 keys */
  extension: string;
  contentType: string;
  begin(context: FormatContext): string;
  finding(finding: InspectorFinding, index: number, context: FormatContext): string;
  end(summary: ReportSummary, context: FormatContext): string;
}
