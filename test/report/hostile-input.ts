/**
 * Attacker-controlled strings (an object key, a bucket tag, a finding title, a userAgent): every
 * command's CSV and human-readable output is tested against this one table.
 */
export const HOSTILE_CELLS: readonly string[] = [
  "title\n=2+5+cmd|' /C calc'!A0",
  "title\r=2+5+cmd|' /C calc'!A0",
  "title\r\n@SUM(1+1)*cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example","click")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  'a, "quoted" cell',
];

/** A formula a spreadsheet would run: a cell that starts with one of these characters. */
export const LIVE_FORMULA = /^[=+\-@\t\r]/;

/** Strings that would break a terminal line or screen if printed raw. */
export const HOSTILE_TEXT: readonly { name: string; text: string; shown: string }[] = [
  {
    name: 'LF (forges a second line)',
    text: 'ua\n2026-01-01T00:00:00Z: Critical forged',
    shown: 'ua\\n2026-01-01T00:00:00Z: Critical forged',
  },
  { name: 'CR (overwrites the line)', text: 'ua\rforged', shown: 'ua\\rforged' },
  { name: 'ESC (recolours the screen)', text: 'ua\u001b[31mred', shown: 'ua\\x1b[31mred' },
  { name: 'BEL', text: 'ua\u0007', shown: 'ua\\x07' },
  { name: 'NUL', text: 'ua\u0000x', shown: 'ua\\0x' },
  { name: 'U+2028 line separator', text: 'ua\u2028x', shown: 'ua\\u2028x' },
  { name: 'U+202E bidi override', text: 'invoice\u202Efdp.exe', shown: 'invoice\\u202efdp.exe' },
  { name: 'C1 CSI', text: 'ua\u009b31m', shown: 'ua\\x9b31m' },
];

/** Any character `escapeControl` must never let through. */
export const RAW_CONTROL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
