/**
 * Reads a top-level string member (`"eventName": "X"`) from a record's raw JSON text without
 * parsing it. CloudTrail writes eventName/eventSource/eventTime near the start of each record, and
 * no nested object of a record uses those keys, so the first occurrence is the record's own.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** `undefined`: key absent; `null`: present but not a plain string (escaped or not a string). */
export function rawStringMember(text: string, quotedKey: string): string | null | undefined {
  let from = 0;
  for (;;) {
    const at = text.indexOf(quotedKey, from);
    if (at < 0) return undefined;
    let i = at + quotedKey.length;
    while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
    if (text.charCodeAt(i) !== COLON) {
      from = at + 1;
      continue;
    }
    i += 1;
    while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
    if (text.charCodeAt(i) !== QUOTE) return null;
    const start = i + 1;
    for (let j = start; j < text.length; j += 1) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) return text.slice(start, j);
      if (c === BACKSLASH) return null;
    }
    return null;
  }
}
