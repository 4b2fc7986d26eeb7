/**
 * Reads a top-level string member (`"eventName": "X"`) from a record's raw JSON text without parsing it. The raw
 * read is trusted only when it must give what JSON.parse gives: the key occurs once in the whole text. A second
 * occurrence may be a duplicate key (JSON.parse keeps the last) or a nested object's key coming first (a real
 * StopLogging carried additionalEventData.eventName before its own); the caller then parses the record.
 * Keys or values spelled with \u escapes are the caller's concern (hasEscapedAscii).
 */
import { BACKSLASH, COLON, isSpace, QUOTE } from './json-chars.ts';

/** Where the value of the next `"key":` at or after `from` starts (spaces skipped), or -1. `bare`: the key without its opening quote. */
function valueAfterKey(text: string, bare: string, from: number): number {
  let at = text.indexOf(bare, from);
  // V8 looks for a pattern's first character, and JSON is full of quotes: the opening one is checked, not searched
  while (at >= 0) {
    if (text.charCodeAt(at - 1) === QUOTE) {
      let i = at + bare.length;
      while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
      if (text.charCodeAt(i) === COLON) {
        i += 1;
        while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
        return i;
      }
    }
    at = text.indexOf(bare, at + 1);
  }
  return -1;
}

/**
 * `undefined`: key absent; `null`: not readable raw (the key occurs more than once, or the value is not a plain
 * string: escaped, or not a string).
 */
export function rawStringMember(text: string, quotedKey: string): string | null | undefined {
  const bare = quotedKey.slice(1);
  const i = valueAfterKey(text, bare, 0);
  if (i < 0) return undefined;
  if (valueAfterKey(text, bare, i) >= 0) return null;
  if (text.charCodeAt(i) !== QUOTE) return null;
  const start = i + 1;
  for (let j = start; j < text.length; j += 1) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) return text.slice(start, j);
    if (c === BACKSLASH) return null;
  }
  return null;
}

/**
 * What a validating scan of a record's text found of its own (top-level) members, so the matcher needs no second
 * pass: offsets into the text of the value of the LAST `eventName` / `eventSource` key (the one JSON.parse keeps),
 * -1 when absent; `end === start` when the value is not a plain string (not a string, or escaped).
 */
export interface TopMembers {
  nameStart: number;
  nameEnd: number;
  sourceStart: number;
  sourceEnd: number;
  /** some string holds a \u00XX escape that may spell printable ASCII (see hasEscapedAscii) */
  escapedAscii: boolean;
}

/** rawStringMember's answer from a scan's notes: the text between the quotes of a plain string value */
export function memberFrom(text: string, start: number, end: number): string | null | undefined {
  if (start < 0) return undefined;
  return end > start ? text.slice(start + 1, end - 1) : null;
}

const ESCAPED_ASCII = /\\u00[2-7][0-9a-fA-F]/;

/**
 * True when the text may spell printable ASCII with \u escapes (`\u0065ventName`, `Stop\u004cogging`): then no
 * key, value or literal can be looked up in it raw. JSON encoders do not write those for letters; a forged record may.
 */
export function hasEscapedAscii(text: string): boolean {
  return text.indexOf('\\u00') >= 0 && ESCAPED_ASCII.test(text);
}
