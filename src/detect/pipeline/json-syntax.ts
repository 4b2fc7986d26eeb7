/**
 * Checks that a record's raw text is one JSON value exactly as JSON.parse would accept it, without building
 * anything: the splitter hands on only records that parse, so that a record the event-name pre-filter skips is
 * still counted as bad when it is broken, and so that a broken record's end can be found again.
 */
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  isSpace,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from '../engine/json-chars.ts';

/** what the scanner expects next */
const VALUE = 0;
const FIRST_VALUE = 1; // after `[`: a value or `]`
const KEY = 2;
const FIRST_KEY = 3; // after `{`: a key or `}`
const COLON_NEXT = 4;
const AFTER = 5; // after a value: `,` or the container's close

const CONTROL = /[\u0000-\u001f]/g;

/**
 * The text the positions below are for, and for each of backslash and control character: no such character in
 * [from, at), and `at` is one (or the text's length). A splitter scans the records of one buffer in order, so one
 * search serves many strings; a comparison with different text costs at most their common prefix.
 */
let searched = '';
let backslashFrom = 0;
let backslash = -1;
let controlFrom = 0;
let control = -1;

/** Drops the reference to the last text searched (a splitter's buffer may be large) once its stream has ended. */
export function releaseSearchedText(): void {
  forget('');
}

function forget(s: string): void {
  searched = s;
  backslash = -1;
  control = -1;
}

function findBackslash(s: string, i: number): void {
  backslashFrom = i;
  backslash = s.indexOf('\\', i);
  if (backslash < 0) backslash = s.length;
}

function findControl(s: string, i: number): void {
  controlFrom = i;
  CONTROL.lastIndex = i;
  control = CONTROL.exec(s) === null ? s.length : CONTROL.lastIndex - 1;
}
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** containers open at each depth: true for an object (reused: the scan allocates nothing per record) */
const stack: boolean[] = [];

/**
 * What the last scan saw of the top-level object's own members (depth 1): the value span of the LAST `eventName`
 * and `eventSource` keys (JSON.parse keeps the last of a repeated key), so the matcher reads them without a second
 * pass over the record. Offsets are from the scan's start (the record's first character); -1 when the key is absent;
 * end === start when the value is not a string read raw (not a string, or escaped).
 */
export const topKeys = {
  nameStart: -1,
  nameEnd: -1,
  sourceStart: -1,
  sourceEnd: -1,
  /** some string holds a \u00XX escape that may spell printable ASCII: no key, value or literal can be read raw */
  escapedAscii: false,
};
/** index after the first complete value of the last scanJson that found one */
let valueEnd = -1;
/** a backslash was seen in the last string stringEnd scanned */
let escaped = false;

const NO_KEY = 0;
const NAME_KEY = 1;
const SOURCE_KEY = 2;

/**
 * -1 when `s[start, end)` is one JSON value with optional surrounding whitespace; otherwise the offset of the
 * first character that makes it invalid, `end` when the text stops before the value is complete.
 */
export function jsonErrorAt(s: string, start: number, end: number): number {
  const error = scanJson(s, start, end);
  if (error >= 0) return error;
  let i = valueEnd;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  return i === end ? -1 : i;
}

/**
 * The index after the JSON value starting at `start` (leading whitespace skipped) when it is valid and complete
 * before `end`; -1 otherwise (invalid, or cut by `end`: the caller finds out which with jsonErrorAt). What follows
 * the value is not looked at, so a splitter can validate a record and find its end in one pass.
 */
export function jsonValueEnd(s: string, start: number, end: number): number {
  return scanJson(s, start, end) < 0 ? valueEnd : -1;
}

/** -1 when a value is complete (its end in `valueEnd`), else jsonErrorAt's error offset. Notes topKeys. */
function scanJson(s: string, start: number, end: number): number {
  let i = start;
  let depth = 0;
  let state = VALUE;
  let key = NO_KEY;
  topKeys.nameStart = -1;
  topKeys.sourceStart = -1;
  topKeys.escapedAscii = false;
  if (s !== searched) forget(s);
  for (;;) {
    if (depth === 0 && state === AFTER) {
      valueEnd = i;
      return -1;
    }
    if (i >= end) return end;
    let c = s.charCodeAt(i);
    // one read per token: compact JSON has no space between tokens
    if (c <= 32 && isSpace(c)) {
      do {
        if (++i >= end) return end;
        c = s.charCodeAt(i);
      } while (isSpace(c));
    }
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
      case FIRST_KEY: {
        if (c === CLOSE_BRACE && state === FIRST_KEY) {
          depth--;
          state = AFTER;
          i++;
          continue;
        }
        if (c !== QUOTE) return i;
        const from = i + 1;
        i = stringEnd(s, from, end);
        if (i < 0) return -i - 1;
        if (depth === 1 && !escaped) key = keyOf(s, from, i - 1 - from);
        state = COLON_NEXT;
        continue;
      }
      default: // VALUE, FIRST_VALUE
        if (c === CLOSE_BRACKET && state === FIRST_VALUE) {
          depth--;
          state = AFTER;
          i++;
          continue;
        }
        if (key !== NO_KEY) {
          // the value's span is noted whatever it is: the matcher reads it raw only when it is a plain string
          if (key === NAME_KEY) topKeys.nameStart = i - start;
          else topKeys.sourceStart = i - start;
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          stack[depth++] = c === OPEN_BRACE;
          state = c === OPEN_BRACE ? FIRST_KEY : FIRST_VALUE;
          if (key !== NO_KEY) {
            if (key === NAME_KEY) topKeys.nameEnd = i - start;
            else topKeys.sourceEnd = i - start;
            key = NO_KEY;
          }
          i++;
          continue;
        }
        state = AFTER;
        if (c === QUOTE) {
          i = stringEnd(s, i + 1, end);
          if (i < 0) return -i - 1;
          if (key !== NO_KEY) {
            // a string with escapes is not read raw: its end is left at its start
            const valueStop = escaped ? (key === NAME_KEY ? topKeys.nameStart : topKeys.sourceStart) : i - start;
            if (key === NAME_KEY) topKeys.nameEnd = valueStop;
            else topKeys.sourceEnd = valueStop;
            key = NO_KEY;
          }
          continue;
        }
        if (key !== NO_KEY) {
          if (key === NAME_KEY) topKeys.nameEnd = i - start;
          else topKeys.sourceEnd = i - start;
          key = NO_KEY;
        }
        if (c === 116 /* t */ || c === 102 /* f */ || c === 110 /* n */) {
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

/** NAME_KEY / SOURCE_KEY when the unescaped key `s[from, from + length)` is eventName / eventSource */
function keyOf(s: string, from: number, length: number): number {
  if (length === 9) return s.startsWith('eventName', from) ? NAME_KEY : NO_KEY;
  if (length === 11) return s.startsWith('eventSource', from) ? SOURCE_KEY : NO_KEY;
  return NO_KEY;
}

/** Index after the closing quote of a string whose content starts at `from`; `-(error offset) - 1` if invalid. */
function stringEnd(s: string, from: number, end: number): number {
  let i = from;
  escaped = false;
  for (;;) {
    // the first quote, backslash or control character: three searches V8 runs fast (indexOf is vectorised), the
    // last two of them shared by every string up to the character they found
    let q = s.indexOf('"', i);
    if (q < 0) q = s.length;
    if (i < backslashFrom || i > backslash) findBackslash(s, i);
    if (i < controlFrom || i > control) findControl(s, i);
    i = q < backslash ? (q < control ? q : control) : backslash < control ? backslash : control;
    if (i >= end) return -end - 1;
    const c = s.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c !== BACKSLASH) return -i - 1; // a raw control character
    escaped = true;
    if (i + 1 >= end) return -end - 1;
    const e = s.charCodeAt(i + 1);
    if (e === 117 /* u */) {
      if (i + 6 > end) return -end - 1;
      HEX4.lastIndex = i + 2;
      if (!HEX4.test(s)) return -(i + 1) - 1;
      // \u0020-\u007f: printable ASCII spelled as an escape (JSON encoders do not write those for letters; a forged record may)
      if (
        s.charCodeAt(i + 2) === 48 &&
        s.charCodeAt(i + 3) === 48 &&
        s.charCodeAt(i + 4) >= 50 &&
        s.charCodeAt(i + 4) <= 55
      )
        topKeys.escapedAscii = true;
      i += 6;
    } else if (
      e === QUOTE ||
      e === BACKSLASH ||
      e === 47 ||
      e === 98 ||
      e === 102 ||
      e === 110 ||
      e === 114 ||
      e === 116
    ) {
      i += 2;
    } else {
      return -(i + 1) - 1;
    }
  }
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
