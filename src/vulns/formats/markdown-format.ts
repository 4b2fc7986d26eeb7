import { escapeMarkdownCell } from '../../report/escape.ts';
import { summaryLine } from '../summary.ts';
import { DISPLAY_HEADERS, displayRow, type DisplayRow } from './display-row.ts';
import type { ReportFormat } from './report-format.ts';

const KEYS = Object.keys(DISPLAY_HEADERS) as (keyof DisplayRow)[];

export const markdownFormat: ReportFormat = {
  extension: 'md',
  contentType: 'text/markdown; charset=utf-8',
  begin: (context) =>
    `# Amazon Inspector findings\n\nReport made ${context.now.toISOString()}.\n\n` +
    `| ${KEYS.map((k) => DISPLAY_HEADERS[k]).join(' | ')} |\n| ${KEYS.map(() => '---').join(' | ')} |\n`,
  finding: (finding) => {
    const row = displayRow(finding);
    return `| ${KEYS.map((k) => escapeMarkdownCell(row[k])).join(' | ')} |\n`;
  },
  end: (summary) => `\n${summaryLine(summary)}\n`,
};
