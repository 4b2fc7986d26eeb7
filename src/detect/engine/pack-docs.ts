/**
 * The built-in rules table of docs/rules.md, rendered from the packs (name, priority, the rationale written after
 * the priority, the Stratus techniques named in the tags), so the docs cannot drift from the rules.
 */
import type { LoadedRules } from './loaded-rules.ts';

export const PACKS_BEGIN = '<!-- packs:begin (generated from src/detect/packs/*.yaml; do not edit) -->';
export const PACKS_END = '<!-- packs:end -->';

const BUILTIN = 'builtin:';

/** The `# ...` after a rule's `priority:` line, read in the rule's item (from its `- rule:` line to the next item). */
function rationale(rules: LoadedRules, file: string, line: number): string {
  const lines = rules.sources.find((s) => s.file === file)?.text.split('\n') ?? [];
  for (let i = line; i < lines.length && !/^- /.test(lines[i] as string); i += 1) {
    const match = /^\s+priority:\s*\S+\s+#\s*(.+)$/.exec(lines[i] as string);
    if (match) return (match[1] as string).trim();
  }
  return '';
}

function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

export function renderPacksTable(rules: LoadedRules): string {
  const rows = rules.rules
    .filter((r) => r.file.startsWith(BUILTIN))
    .map((r) => {
      const stratus = r.tags.filter((t) => t.startsWith('stratus_')).map((t) => `\`${t.slice('stratus_'.length)}\``);
      return `| \`${r.file.slice(BUILTIN.length)}\` | ${cell(r.name)} | ${r.priority} | ${cell(rationale(rules, r.file, r.line))} | ${stratus.join(', ')} |`;
    });
  return [
    PACKS_BEGIN,
    '| pack | rule | priority | why this priority | Stratus Red Team |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    PACKS_END,
  ].join('\n');
}

/** Puts the current table between the markers of a markdown text. */
export function replacePacksTable(markdown: string, rules: LoadedRules): string {
  const begin = markdown.indexOf(PACKS_BEGIN);
  const end = markdown.indexOf(PACKS_END);
  if (begin < 0 || end < begin) throw new Error('the packs markers are missing');
  return markdown.slice(0, begin) + renderPacksTable(rules) + markdown.slice(end + PACKS_END.length);
}
