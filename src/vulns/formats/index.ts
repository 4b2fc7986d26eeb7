import { UserError } from '../../errors.ts';
import { csvFormat } from './csv-format.ts';
import { htmlFormat } from './html-format.ts';
import { jsonFormat } from './json-format.ts';
import { markdownFormat } from './markdown-format.ts';
import type { ReportFormat } from './report-format.ts';
import { tableFormat } from './table-format.ts';

export type { FormatContext, ReportFormat } from './report-format.ts';

/** Every `vulns report --format`. */
export const REPORT_FORMATS: Record<string, ReportFormat> = {
  csv: csvFormat,
  json: jsonFormat,
  table: tableFormat,
  markdown: markdownFormat,
  html: htmlFormat,
};

export function reportFormat(name: string): ReportFormat {
  const format = REPORT_FORMATS[name];
  if (!format)
    throw new UserError(`unknown format "${name}" (use ${Object.keys(REPORT_FORMATS).join(', ')})`, {
      field: '--format',
    });
  return format;
}
