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
 * Text from data (a bucket name, a finding title, a tag) placed in Markdown: in a table cell, a paragraph or a heading.
 * Only what Markdown would read as syntax is escaped, so `CVE-2023-44487` and `0.82271` read as written:
 * - `&` and `<` become entities: renderers pass raw HTML through (with `<` escaped no tag can open, so `->` stays);
 * - `>` at the start would make a quote: it gets a backslash there;
 * - `\`, backtick, `*`, `_`, `[`, `]`, `|`, `~` and an `!` before `[` get a backslash: code, emphasis, links,
 *   images, table cells and strikethrough;
 * - `# `, `- `, `+ `, `---` or `1. ` at the start would make a heading, a list or a rule: the mark is escaped;
 * - a newline becomes `<br>`, so that a value stays in its cell and its line.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/[&<]/g, (c) => HTML_ESCAPES[c] ?? c)
    .replace(/[\\`*_[\]|~]|!(?=\[)/g, '\\$&')
    .replace(/^(\s*)>/, '$1\\>')
    .replace(/^(\s*)([#+-])(?=[\s#-]|$)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/\r\n|\r|\n/g, '<br>');
}

const NAMED_CONTROLS: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };

// C0 and C1 controls, DEL, line/paragraph separators, and the bidi embeddings, overrides and isolates
// that reorder what a terminal shows (a U+202E in a key can make `exe.txt` read as `txt.exe`).
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a terminal or a plain-text file: control characters in attacker-controlled data (an
 * object key, a userAgent, a finding title) are shown as `\n`, `\x1b`, `\u202e`, so they can neither
 * forge a second line, recolour the screen nor reorder what the reader sees.
 */
export function escapeControl(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => {
    const named = NAMED_CONTROLS[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
