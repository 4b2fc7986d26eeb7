import pc from 'picocolors';
import { escapeControl } from '../../report/escape.ts';
import type { InspectorSeverity } from '../finding.ts';
import { summaryLine } from '../summary.ts';
import { DISPLAY_HEADERS, displayRow, type DisplayRow } from './display-row.ts';
import type { ReportFormat } from './report-format.ts';

/** Fixed widths so that rows can be printed as they arrive; long cells are cut with an ellipsis. */
const WIDTHS: [keyof DisplayRow, number][] = [
  ['severity', 13],
  ['fix', 7],
  ['exploit', 7],
  ['epss', 7],
  ['type', 7],
  ['vulnerability', 19],
  ['resource', 28],
  ['packages', 30],
  ['title', 50],
];

const PAINT: Partial<Record<InspectorSeverity, (s: string) => string>> = {
  CRITICAL: pc.magenta,
  HIGH: pc.red,
  MEDIUM: pc.yellow,
  LOW: pc.blue,
};

function fit(text: string, width: number): string {
  const flat = escapeControl(text);
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}

function line(cells: Record<keyof DisplayRow, string>): string {
  return `${WIDTHS.map(([key, width]) => fit(cells[key], width))
    .join(' ')
    .trimEnd()}\n`;
}

export const tableFormat: ReportFormat = {
  extension: 'txt',
  contentType: 'text/plain; charset=utf-8',
  begin: (context) => {
    const header = line(DISPLAY_HEADERS);
    return context.color ? pc.bold(header) : header;
  },
  finding: (finding, _index, context) => {
    const row = displayRow(finding);
    const text = line(row);
    const paint = context.color ? PAINT[finding.severity] : undefined;
    return paint ? text.replace(fit(row.severity, WIDTHS[0]![1]), (s) => paint(s)) : text;
  },
  end: (summary) => `\n${summaryLine(summary)}\n`,
};
