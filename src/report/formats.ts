import { UserError } from '../errors.ts';
import { formatAsff } from './asff.ts';
import { formatCsv } from './csv-report.ts';
import { formatHtml } from './html.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import { formatMarkdown } from './markdown.ts';
import { formatSarif } from './sarif.ts';
import type { Formatter } from './scan-report.ts';
import { formatTable } from './table.ts';
import { formatTemplate } from './template.ts';

/** Every `--format` of `scan`. One formatter per file; add new ones here. */
export const FORMATTERS: Record<string, Formatter> = {
  table: formatTable,
  json: formatJson,
  sarif: formatSarif,
  csv: formatCsv,
  markdown: formatMarkdown,
  html: formatHtml,
  junit: formatJunit,
  asff: formatAsff,
  template: formatTemplate,
};

export function formatterFor(name: string): Formatter {
  const formatter = FORMATTERS[name];
  if (!formatter) {
    throw new UserError(`unknown format "${name}" (use ${Object.keys(FORMATTERS).join(', ')})`, { field: '--format' });
  }
  return formatter;
}
