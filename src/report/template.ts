import Handlebars from 'handlebars';
import { UserError } from '../errors.ts';
import { csvField } from './csv.ts';
import { escapeHtml, escapeMarkdownCell } from './escape.ts';
import { codeBlock } from './markdown.ts';
import { buildReportModel } from './report-model.ts';
import type { Formatter } from './scan-report.ts';

/**
 * Helpers available to `--template` files (documented in docs/reports.md). `{{x}}` escapes HTML as
 * Handlebars always does; `{{md x}}` escapes for Markdown (a table cell, a paragraph), `{{csv x}}` is one CSV field
 * (quoted when needed, formula neutralised), `{{code x "sh"}}` a fenced code block that `x` cannot close.
 */
function environment(): typeof Handlebars {
  // A template passes the helpers whatever it names, and they print it as String() would: no-base-to-string's
  // `[object Object]` is what the template author asked for.
  /* eslint-disable @typescript-eslint/no-base-to-string */
  const env = Handlebars.create();
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  env.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  env.registerHelper('upper', (s: unknown) => String(s ?? '').toUpperCase());
  env.registerHelper('lower', (s: unknown) => String(s ?? '').toLowerCase());
  env.registerHelper('trimPrefix', (prefix: unknown, s: unknown) => {
    const text = String(s ?? '');
    return text.startsWith(String(prefix)) ? text.slice(String(prefix).length) : text;
  });
  env.registerHelper('join', (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : '',
  );
  env.registerHelper('md', (s: unknown) => new env.SafeString(escapeMarkdownCell(String(s ?? ''))));
  env.registerHelper('html', (s: unknown) => new env.SafeString(escapeHtml(String(s ?? ''))));
  env.registerHelper('csv', (s: unknown) => new env.SafeString(csvField(String(s ?? ''))));
  env.registerHelper(
    'code',
    (s: unknown, language: unknown) =>
      new env.SafeString(codeBlock(String(s ?? ''), typeof language === 'string' ? language : '')),
  );
  env.registerHelper('json', (value: unknown) => new env.SafeString(JSON.stringify(value)));
  env.registerHelper('date', (iso: unknown) => String(iso ?? '').slice(0, 10));
  /* eslint-enable @typescript-eslint/no-base-to-string */
  return env;
}

function templateError(error: unknown, file: string, source: string): UserError {
  const e = error as Error & { lineNumber?: number };
  const text = e.message ?? String(error);
  const position = / - (\d+):(\d+)$/m.exec(text);
  const line = e.lineNumber ?? Number(/line (\d+)/.exec(text)?.[1] ?? position?.[1] ?? NaN);
  const first = (text.split('\n')[0] ?? text).replace(/ - \d+:\d+$/, '');
  let message: string;
  if (/^Parse error on line/.test(first)) {
    message = `parse error: ${text.split('\n').slice(-1)[0] ?? ''}`;
  } else if (/^"[^"]*" not defined in /.test(first) && position) {
    // Handlebars names only the last path segment; quote the whole expression from the template
    const sourceLine = source.split(/\r?\n/)[Number(position[1]) - 1] ?? '';
    const expression = /^[\w@./-]+/.exec(sourceLine.slice(Number(position[2])))?.[0] ?? first;
    message = `"${expression}" is not in the data model (see docs/reports.md)`;
  } else {
    message = first;
  }
  return new UserError(
    `template error: ${message}`,
    { file, line: Number.isFinite(line) ? line : undefined },
    { cause: error },
  );
}

/** Renders a Handlebars template (strict: a misspelt field is an error, not an empty string) over the report model. */
export function renderTemplate(source: string, file: string, data: unknown): string {
  const env = environment();
  try {
    return env.compile(source, { strict: true })(data);
  } catch (error) {
    throw templateError(error, file, source);
  }
}

export const formatTemplate: Formatter = (report, options) => {
  if (!options.template)
    throw new UserError('--format template needs --template FILE (or @FILE)', { field: '--template' });
  return renderTemplate(options.template.source, options.template.file, buildReportModel(report, options));
};
