import type { InspectorFinding } from './finding.ts';
import { matchesFilter, type VulnFilter } from './filters.ts';
import type { FormatContext, ReportFormat } from './formats/index.ts';
import { count, emptySummary, type ReportSummary } from './summary.ts';

/** Findings a page at a time, as ListFindings returns them. */
export type FindingPages = AsyncIterable<InspectorFinding[]>;

/** Where report text goes; `write` resolves when the destination can take more (back-pressure). */
export interface TextSink {
  write(text: string): Promise<void>;
}

export interface WriteReportOptions extends FormatContext {
  /** applied here only when the source could not filter (a file); the API filters its own pages */
  localFilter?: VulnFilter;
}

/**
 * Streams findings into a report: one write per page, so memory holds one page whatever the total.
 * Returns the counts the report ended with.
 */
export async function writeReport(
  pages: FindingPages,
  format: ReportFormat,
  sink: TextSink,
  options: WriteReportOptions,
): Promise<ReportSummary> {
  const summary = emptySummary();
  const context: FormatContext = { now: options.now, color: options.color };
  const iterator = pages[Symbol.asyncIterator]();
  // the first page is fetched before anything is written: a refusal (no credentials, AccessDenied) leaves no half report
  let next = await iterator.next();
  await sink.write(format.begin(context));
  while (!next.done) {
    let chunk = '';
    for (const finding of next.value) {
      if (options.localFilter && !matchesFilter(finding, options.localFilter)) continue;
      chunk += format.finding(finding, summary.total, context);
      count(summary, finding);
    }
    if (chunk !== '') await sink.write(chunk);
    next = await iterator.next();
  }
  await sink.write(format.end(summary, context));
  return summary;
}
