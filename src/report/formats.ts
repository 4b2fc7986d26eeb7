import { UserError } from '../errors.ts';
import { formatJson } from './json.ts';
import type { Formatter } from './scan-report.ts';
import { formatTable } from './table.ts';

/** Every `--format` of `scan`. One formatter per file; add new ones here. */
export const FORMATTERS: Record<string, Formatter> = {
  table: formatTable,
  json: formatJson,
};

export function formatterFor(name: string): Formatter {
  const formatter = FORMATTERS[name];
  if (!formatter) {
    throw new UserError(`unknown format "${name}" (use ${Object.keys(FORMATTERS).join(', ')})`, { field: '--format' });
  }
  return formatter;
}
