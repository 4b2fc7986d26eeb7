/** The fields table of docs/rules.md, rendered from the field table so the docs cannot drift from the code. */
import { FIELDS } from './table.ts';

export const FIELDS_BEGIN = '<!-- fields:begin (generated from src/detect/fields/table.ts; do not edit) -->';
export const FIELDS_END = '<!-- fields:end -->';

function written(name: string, param: string | undefined): string {
  if (param === 'argument') return `${name}[/json/pointer]`;
  if (param === 'suffix') return name.replace(/\*$/, '<key>[.<key>...]');
  return name;
}

/** Our own static descriptions: only what would break a table cell or read as HTML needs escaping. */
function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

export function renderFieldsTable(): string {
  const rows = FIELDS.map(
    (f) => `| \`${written(f.name, f.param)}\` | ${f.type} | ${f.origin} | ${cell(f.description)} |`,
  );
  return [FIELDS_BEGIN, '| field | type | from | description |', '| --- | --- | --- | --- |', ...rows, FIELDS_END].join(
    '\n',
  );
}

/** Puts the current table between the markers of a markdown text. */
export function replaceFieldsTable(markdown: string): string {
  const begin = markdown.indexOf(FIELDS_BEGIN);
  const end = markdown.indexOf(FIELDS_END);
  if (begin < 0 || end < begin) throw new Error('the fields markers are missing');
  return markdown.slice(0, begin) + renderFieldsTable() + markdown.slice(end + FIELDS_END.length);
}
