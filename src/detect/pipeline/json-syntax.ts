/**
 * Checks that a record's raw text is one JSON value exactly as JSON.parse would accept it, without building
 * anything: the splitter hands on only records that parse, so that a record the event-name pre-filter skips is
 * still counted as bad when it is broken, and so that a broken record's end can be found again.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

/** what the scanner expects next */
const VALUE = 0;
const FIRST_VALUE = 1; // after `[`: a value or `]`
const KEY = 2;
const FIRST_KEY = 3; // after `{`: a key or `}`
const COLON_NEXT = 4;
const AFTER = 5; // after a value: `,` or the container's close

/** characters a JSON string may hold as they are */
const PLAIN = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** containers open at each depth: true for an object (reused: the scan allocates nothing per record) */
const stack: boolean[] = [];

/**
 * -1 when `s[start, end)` is one JSON value with optional surrounding whitespace; otherwise the offset of the
 * first character that makes it invalid, `end` when the text stops before the value is complete.
 */
export function jsonErrorAt(s: string, start: number, end: number): number {
  let i = start;
  let depth = 0;
  let state = VALUE;
  for (;;) {
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (depth === 0 && state === AFTER) return i === end ? -1 : i;
    if (i >= end) return end;
    const c = s.charCodeAt(i);
    switch (state) {
      case COLON_NEXT:
        if (c !== COLON) return i;
        state = VALUE;
        i++;
        continue;
      case AFTER:
        if (c === COMMA) {
          state = stack[depth - 1] ? KEY : VALUE;
          i++;
          continue;
        }
        if (c !== (stack[depth - 1] ? CLOSE_BRACE : CLOSE_BRACKET)) return i;
        depth--;
        i++;
        continue;
      case KEY:
      case FIRST_KEY:
        if (c === CLOSE_BRACE && state === FIRST_KEY) {
          depth--;
          state = AFTER;
          i++;
          continue;
        }
        if (c !== QUOTE) return i;
        i = stringEnd(s, i + 1, end);
        if (i < 0) return -i - 1;
        state = COLON_NEXT;
        continue;
      default: // VALUE, FIRST_VALUE
        if (c === CLOSE_BRACKET && state === FIRST_VALUE) {
          depth--;
          state = AFTER;
          i++;
          continue;
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          stack[depth++] = c === OPEN_BRACE;
          state = c === OPEN_BRACE ? FIRST_KEY : FIRST_VALUE;
          i++;
          continue;
        }
        state = AFTER;
        if (c === QUOTE) {
          i = stringEnd(s, i + 1, end);
          if (i < 0) return -i - 1;
        } else if (c === 116 /* t */ || c === 102 /* f */ || c === 110 /* n */) {
          const word = c === 116 ? 'true' : c === 102 ? 'false' : 'null';
          const stop = Math.min(end, i + word.length);
          for (let k = 0; i + k < stop; k++) if (s.charCodeAt(i + k) !== word.charCodeAt(k)) return i + k;
          if (stop < i + word.length) return end;
          i = stop;
        } else {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(s) || NUMBER.lastIndex > end) return NUMBER.lastIndex > end ? end : i;
          i = NUMBER.lastIndex;
          // a number cut by the end of the text may go on ("1" of "12", "1." of "1.5")
          if (i === end || (i + 1 === end && s.charCodeAt(i) === 46)) return end;
        }
    }
  }
}

/** Index after the closing quote of a string whose content starts at `from`; `-(error offset) - 1` if invalid. */
function stringEnd(s: string, from: number, end: number): number {
  let i = from;
  for (;;) {
    PLAIN.lastIndex = i;
    PLAIN.test(s);
    i = PLAIN.lastIndex;
    if (i >= end) return -end - 1;
    const c = s.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c !== BACKSLASH) return -i - 1; // a raw control character
    if (i + 1 >= end) return -end - 1;
    const e = s.charCodeAt(i + 1);
    if (e === 117 /* u */) {
      if (i + 6 > end) return -end - 1;
      HEX4.lastIndex = i + 2;
      if (!HEX4.test(s)) return -(i + 1) - 1;
      i += 6;
    } else if (e === QUOTE || e === BACKSLASH || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
      i += 2;
    } else {
      return -(i + 1) - 1;
    }
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The problem line for a record jsonErrorAt found invalid, worded by JSON.parse (only bad records pay for it). */
export function invalidJsonReason(text: string, errorAt: number): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return `invalid JSON (${(error as Error).message})`;
  }
  return `invalid JSON at character ${errorAt + 1}`;
}
