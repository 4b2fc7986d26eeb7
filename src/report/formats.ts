import { UserError } from '../errors.ts';
import type { Formatter } from './scan-report.ts';

/**
 * Every `--format` of `scan`, each imported when it is chosen: a table needs neither handlebars (template) nor an XML
 * builder (junit), and `demo` starts faster without them. One formatter per file; add new ones here.
 */
const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  table: async () => (await import('./table.ts')).formatTable,
  json: async () => (await import('./json.ts')).formatJson,
  sarif: async () => (await import('./sarif.ts')).formatSarif,
  csv: async () => (await import('./csv-report.ts')).formatCsv,
  markdown: async () => (await import('./markdown.ts')).formatMarkdown,
  html: async () => (await import('./html.ts')).formatHtml,
  junit: async () => (await import('./junit.ts')).formatJunit,
  asff: async () => (await import('./asff.ts')).formatAsff,
  template: async () => (await import('./template.ts')).formatTemplate,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(FORMATTERS);

/** Throws the usage error for a name that is no `--format`. */
export function requireFormat(name: string): void {
  if (!Object.hasOwn(FORMATTERS, name)) {
    throw new UserError(`unknown format "${name}" (use ${FORMAT_NAMES.join(', ')})`, { field: '--format' });
  }
}

export async function formatterFor(name: string): Promise<Formatter> {
  requireFormat(name);
  return FORMATTERS[name]!();
}
