import type { InspectorFinding } from './finding.ts';
import { matchesFilter, type VulnFilter } from './filters.ts';
import type { FormatContext, ReportFormat } from './formats/index.ts';
import { sortedPages, type SortOptions } from './sort.ts';
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
  sort?: SortOptions;
}

async function* filtered(pages: FindingPages, filter: VulnFilter): AsyncGenerator<InspectorFinding[]> {
  for await (const page of pages) yield page.filter((finding) => matchesFilter(finding, filter));
}

/**
 * Writes findings into a report in report order (severity, score, title: see sort.ts), one write per
 * sorted page; memory holds one sort run whatever the total. Returns the counts the report ended with.
 */
export async function writeReport(
  pages: FindingPages,
  format: ReportFormat,
  sink: TextSink,
  options: WriteReportOptions,
): Promise<ReportSummary> {
  const summary = emptySummary();
  const context: FormatContext = { now: options.now, color: options.color };
  const source = options.localFilter ? filtered(pages, options.localFilter) : pages;
  const iterator = sortedPages(source, options.sort)[Symbol.asyncIterator]();
  // the first page is fetched before anything is written: a refusal (no credentials, AccessDenied) leaves no half report
  try {
    let next = await iterator.next();
    await sink.write(format.begin(context));
    while (!next.done) {
      let chunk = '';
      for (const finding of next.value) {
        chunk += format.finding(finding, summary.total, context);
        count(summary, finding);
      }
      if (chunk !== '') await sink.write(chunk);
      next = await iterator.next();
    }
    await sink.write(format.end(summary, context));
    return summary;
  } finally {
    // a failed sink leaves the sort's spilled runs behind unless the generator is closed
    await iterator.return?.(undefined);
  }
}
