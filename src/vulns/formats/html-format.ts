import { escapeHtml } from '../../report/escape.ts';
import { summaryLine } from '../summary.ts';
import { DISPLAY_HEADERS, displayRow, type DisplayRow } from './display-row.ts';
import type { ReportFormat } from './report-format.ts';

const KEYS = Object.keys(DISPLAY_HEADERS) as (keyof DisplayRow)[];

const STYLE = [
  'body{font:14px system-ui,sans-serif;margin:2em;color:#222}',
  'table{border-collapse:collapse;width:100%}',
  'th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}',
  'th{background:#f3f3f3;position:sticky;top:0}',
  '.CRITICAL{color:#8b008b;font-weight:bold}.HIGH{color:#c00;font-weight:bold}.MEDIUM{color:#b36b00}.LOW{color:#06c}',
].join('');

/** A self-contained page (inline CSS, no scripts, nothing fetched); every value is escaped. */
export const htmlFormat: ReportFormat = {
  extension: 'html',
  contentType: 'text/html; charset=utf-8',
  begin: (context) =>
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">' +
    `<title>Amazon Inspector findings</title><style>${STYLE}</style></head><body>\n` +
    `<h1>Amazon Inspector findings</h1>\n<p>Report made ${escapeHtml(context.now.toISOString())}.</p>\n` +
    `<table><thead><tr>${KEYS.map((k) => `<th>${escapeHtml(DISPLAY_HEADERS[k])}</th>`).join('')}</tr></thead><tbody>\n`,
  finding: (finding) => {
    const row = displayRow(finding);
    const severityClass = /^[A-Z]+$/.test(row.severity) ? ` class="${row.severity}"` : '';
    const cells = KEYS.map((k) => `<td${k === 'severity' ? severityClass : ''}>${escapeHtml(row[k])}</td>`).join('');
    return `<tr title="${escapeHtml(finding.findingArn)}">${cells}</tr>\n`;
  },
  end: (summary) => `</tbody></table>\n<p>${escapeHtml(summaryLine(summary))}</p>\n</body></html>\n`,
};
