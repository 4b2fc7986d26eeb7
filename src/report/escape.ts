/** Escaping for attacker-controlled text (bucket names, tags, object keys, event fields). */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Text inside a Markdown table cell: HTML is escaped (renderers pass raw HTML through), Markdown
 * syntax characters are backslash-escaped, and newlines and pipes cannot break the table.
 */
export function escapeMarkdownCell(text: string): string {
  return escapeHtml(text)
    .replace(/([\\`*_{}[\]()#+\-.!|~>])/g, '\\$1')
    .replace(/\r?\n/g, '<br>');
}
