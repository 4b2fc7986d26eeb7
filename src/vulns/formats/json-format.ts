import type { ReportFormat } from './report-format.ts';

/**
 * Inspector's JSON report: `{"findings": [...]}` with each finding in the API's `Finding` shape
 * (timestamps as ISO 8601). The same document `aws inspector2 list-findings` prints, so
 * `vulns report --from` reads it back. Written one finding per line.
 */
export const jsonFormat: ReportFormat = {
  extension: 'json',
  contentType: 'application/json',
  begin: () => '{"findings":[\n',
  finding: (finding, index) => `${index === 0 ? '' : ',\n'}${JSON.stringify(finding)}`,
  end: (summary) => `${summary.total === 0 ? '' : '\n'}]}\n`,
};
