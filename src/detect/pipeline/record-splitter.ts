/**
 * Cuts a stream of CloudTrail JSON text into the raw text of single records, without JSON.parse: the syntax check
 * (json-syntax.ts) finds a record's end and notes its top-level eventName/eventSource in the same pass, so that the
 * matcher can pre-filter a record on its event name before anything is parsed. A record the buffer cuts is found
 * by a resumable bracket scan (strings, escapes and depth only) and checked once complete.
 *
 * Accepted layouts, detected from the first value and mixable in one stream:
 * - CloudTrail log files `{"Records":[{...},{...}]}` (several of them concatenated too)
 * - a bare JSON array of records `[{...},{...}]`
 * - JSON Lines, one record per line (an invalid line is one bad record, the next line goes on)
 * - records written one after another (pretty-printed)
 * Every record handed on is valid JSON (checked without parsing, json-syntax.ts): a bad record is reported with its
 * index or line and costs that record only. A broken record (a missing bracket or quote) can run into the records
 * after it, so the scan starts again at the next record start it recognises: outside arrays, an object opening a
 * line; inside an array, an element object that is valid JSON and holds an "eventTime".
 */
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  isSpace,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from '../engine/json-chars.ts';
import type { TopMembers } from '../engine/raw-fields.ts';
import { invalidJsonReason, jsonErrorAt, jsonValueEnd, releaseSearchedText, topKeys } from './json-syntax.ts';

export interface RecordPlace {
  /** 0-based number of the record in this stream (Records[] index for CloudTrail files) */
  index: number;
  /** 1-based line of the record, known for JSON Lines */
  line?: number;
}

export interface SplitterListener {
  /** `members`: what the syntax check found of the record's own members; valid during this call only (reused) */
  record(text: string, place: RecordPlace, members: TopMembers): void;
  problem(reason: string, place: RecordPlace): void;
}

type Mode =
  | 'top' // between top-level values
  | 'records' // inside `"Records": [`: elements are records
  | 'array' // inside a bare top-level array: elements are records
  | 'skip-rest' // after the Records array: skipping the rest of the wrapper object
  | 'object' // a top-level object that is itself a record
  | 'lines' // JSON Lines
  | 'resync'; // after a broken record: looking for the next record start

/** after a broken record outside an array: an object opening a line (the match's last character is its `{`) */
const LINE_START = /\n\{/g;
/** after a broken record inside an array: the `{` of what may be the next element */
const ELEMENT_START = /[,[][ \t\r\n]*\{/g;
/** a record start may straddle two chunks: keep this much of the text searched in vain */
const RECORD_START_MAX = 64;
/** an unfinished record this long is checked for a syntax error (then doubled), so a broken one cannot hold the rest of a stream */
const FIRST_CHECK_CHARS = 1024 * 1024;
/** cutValid's answer for a record found broken */
const BROKEN = -2;

export class RecordSplitter {
  private buf = '';
  private pos = 0;
  private mode: Mode = 'top';
  private index = 0;
  private line = 1;
  /** start of the value being scanned, and the resumable scan state inside it */
  private valueStart = -1;
  private scanPos = -1;
  private depth = 0;
  private ended = false;
  /** the length of an unfinished record at which it is next checked for a syntax error */
  private checkAt = FIRST_CHECK_CHARS;
  /** the mode to go back to when the next record start is found in 'resync' */
  private resume: Mode = 'top';

  constructor(private readonly listener: SplitterListener) {}

  push(chunk: string): void {
    if (this.pos > 0) {
      const shift = this.pos;
      this.buf = this.buf.slice(shift) + chunk;
      this.pos = 0;
      if (this.valueStart >= 0) this.valueStart -= shift;
      if (this.scanPos >= 0) this.scanPos -= shift;
    } else {
      this.buf += chunk;
    }
    this.run();
    while (
      this.valueStart >= 0 &&
      this.mode !== 'skip-rest' &&
      this.mode !== 'resync' &&
      this.buf.length - this.valueStart >= this.checkAt
    ) {
      const error = jsonErrorAt(this.buf, this.valueStart, this.buf.length);
      if (error >= this.buf.length) {
        this.checkAt *= 2;
        break;
      }
      this.broken(error, this.buf.length, false);
      this.run();
    }
  }

  end(): void {
    this.ended = true;
    this.run();
    // a record that never closed may be a broken one that ran into the records after it
    while (this.valueStart >= 0 && this.mode !== 'skip-rest' && this.mode !== 'resync') {
      const error = jsonErrorAt(this.buf, this.valueStart, this.buf.length);
      if (error >= this.buf.length) break;
      this.broken(error, this.buf.length, false);
      this.run();
    }
    const place = { index: this.index, line: this.mode === 'lines' || this.mode === 'object' ? this.line : undefined };
    switch (this.mode) {
      case 'records':
      case 'array':
        this.listener.problem(
          this.valueStart >= 0
            ? 'unexpected end of input inside this record (truncated file?)'
            : 'unexpected end of input: the Records array is not closed (truncated file?)',
          place,
        );
        break;
      case 'object':
        this.listener.problem('unexpected end of input inside this record (truncated file?)', place);
        break;
      case 'skip-rest':
        this.listener.problem('unexpected end of input: the log file object is not closed (truncated file?)', place);
        break;
      default:
        break;
    }
    this.buf = '';
    this.pos = 0;
    releaseSearchedText();
  }

  private run(): void {
    for (;;) {
      const progressed = this.step();
      if (!progressed) return;
    }
  }

  /** One unit of work; false when more input is needed (or the input is over). */
  private step(): boolean {
    switch (this.mode) {
      case 'top':
        return this.stepTop();
      case 'records':
      case 'array':
        return this.stepElement();
      case 'skip-rest':
        return this.stepSkipRest();
      case 'object':
        return this.stepObject();
      case 'lines':
        return this.stepLine();
      case 'resync':
        return this.stepResync();
    }
  }

  private stepTop(): boolean {
    const s = this.buf;
    let i = this.pos;
    while (i < s.length && isSpace(s.charCodeAt(i))) {
      if (s.charCodeAt(i) === NEWLINE) this.line++;
      i++;
    }
    if (i < s.length && s.charCodeAt(i) === 0xfeff) i++;
    this.pos = i;
    if (i >= s.length) return false;
    const c = s.charCodeAt(i);
    if (c === OPEN_BRACKET) {
      this.mode = 'array';
      this.pos = i + 1;
      return true;
    }
    if (c !== OPEN_BRACE) {
      this.listener.problem(
        `not JSON: unexpected ${describeChar(s, i)} where a CloudTrail log file or record should start`,
        { index: this.index++, line: this.line },
      );
      this.valueStart = i;
      this.skipToRecordStart('top');
      return true;
    }
    const firstKey = readFirstKey(s, i);
    if (firstKey === undefined) return this.ended ? this.startObject(i) : false;
    if (firstKey.key === 'Records' && s.charCodeAt(firstKey.valueAt) === OPEN_BRACKET) {
      this.mode = 'records';
      this.pos = firstKey.valueAt + 1;
      return true;
    }
    // One complete object on its own line is JSON Lines; decide on the first line, before a broken line could swallow the next.
    const eol = s.indexOf('\n', i);
    if (eol < 0 && !this.ended) return false;
    const lineText = s.slice(i, eol < 0 ? s.length : eol).trimEnd();
    if (lineText.charCodeAt(lineText.length - 1) === CLOSE_BRACE && jsonErrorAt(lineText, 0, lineText.length) < 0) {
      this.mode = 'lines';
      return true;
    }
    return this.startObject(i);
  }

  private startObject(at: number): boolean {
    this.mode = 'object';
    this.valueStart = at;
    this.scanPos = at;
    this.depth = 0;
    return true;
  }

  /** Inside a Records array (or a bare array): skip separators, cut one element. */
  private stepElement(): boolean {
    const s = this.buf;
    if (this.valueStart < 0) {
      let i = this.pos;
      while (i < s.length) {
        const c = s.charCodeAt(i);
        if (c === COMMA || isSpace(c)) i++;
        else break;
      }
      this.pos = i;
      if (i >= s.length) return false;
      const c = s.charCodeAt(i);
      if (c === CLOSE_BRACKET) {
        this.pos = i + 1;
        if (this.mode === 'records') {
          this.mode = 'skip-rest';
          this.valueStart = this.pos;
          this.scanPos = this.pos;
          this.depth = 1;
        } else {
          this.mode = 'top';
        }
        return true;
      }
      this.valueStart = i;
      this.scanPos = i;
      this.depth = 0;
    }
    const c = s.charCodeAt(this.valueStart);
    if (c !== OPEN_BRACE) return this.skipNonObjectElement();
    const end = this.cutValid();
    if (end < 0) return end === BROKEN;
    this.emit(s.slice(this.valueStart, end));
    this.pos = end;
    this.endValue();
    return true;
  }

  private endValue(): void {
    this.valueStart = -1;
    this.checkAt = FIRST_CHECK_CHARS;
  }

  /**
   * The record at `valueStart` is not valid JSON (first error at `error`; `cut` ends the text its brackets seemed
   * to span, `closed` when they did close). One bad record; the scan goes on at the next record start: it may lie
   * inside that text, when the broken record ran into the records after it.
   */
  private broken(error: number, cut: number, closed: boolean): boolean {
    const s = this.buf;
    const inArray = this.mode === 'records' || this.mode === 'array';
    this.listener.problem(
      invalidJsonReason(s.slice(this.valueStart, cut), error - this.valueStart),
      inArray ? { index: this.index++ } : { index: this.index++, line: this.line },
    );
    if (!inArray && closed && nextLineStart(s, this.valueStart + 1) >= cut) {
      this.line += countNewlines(s.slice(this.valueStart, cut));
      this.pos = cut;
      this.mode = 'top';
      this.endValue();
      return true;
    }
    this.skipToRecordStart(inArray ? this.mode : 'top');
    return true;
  }

  /** Past the bad text at `valueStart`: 'resync' looks for the next record start, then goes back to `back`. */
  private skipToRecordStart(back: Mode): void {
    this.pos = this.valueStart + 1;
    this.endValue();
    this.mode = 'resync';
    this.resume = back;
  }

  private stepResync(): boolean {
    return this.resume === 'top' ? this.resyncLine() : this.resyncElement();
  }

  private resyncLine(): boolean {
    const s = this.buf;
    const next = nextLineStart(s, this.pos);
    const stop = next < s.length ? next : Math.max(this.pos, s.length - RECORD_START_MAX);
    this.line += countNewlines(s.slice(this.pos, stop));
    this.pos = stop;
    if (next >= s.length) return false;
    this.mode = 'top';
    return true;
  }

  /** Tries each `{` that may open the next element: it must close, be valid JSON and hold an "eventTime". */
  private resyncElement(): boolean {
    const s = this.buf;
    if (this.valueStart < 0) {
      ELEMENT_START.lastIndex = this.pos;
      const match = ELEMENT_START.exec(s);
      if (match === null) {
        this.pos = Math.max(this.pos, s.length - RECORD_START_MAX);
        return false;
      }
      this.valueStart = match.index + match[0].length - 1;
      this.scanPos = this.valueStart;
      this.depth = 0;
    }
    const end = this.scan();
    if (end < 0 && !this.ended) return false;
    const start = this.valueStart;
    this.endValue();
    if (end >= 0 && jsonErrorAt(s, start, end) < 0 && s.slice(start, end).includes('"eventTime"')) {
      this.mode = this.resume;
    }
    this.pos = this.mode === 'resync' ? start + 1 : start;
    return true;
  }

  private skipNonObjectElement(): boolean {
    const s = this.buf;
    const start = this.valueStart;
    let end: number;
    if (s.charCodeAt(start) === OPEN_BRACKET) {
      end = this.scan();
      if (end < 0) return false;
    } else {
      end = start;
      if (s.charCodeAt(start) === QUOTE) {
        end = closingQuote(s, start + 1);
        if (end < 0) return false;
        end += 1;
      }
      while (end < s.length && s.charCodeAt(end) !== COMMA && s.charCodeAt(end) !== CLOSE_BRACKET) end++;
      if (end >= s.length && !this.ended) return false;
    }
    const what = s.slice(start, Math.min(end, start + 40)).trim();
    this.listener.problem(`not a JSON object (${what})`, { index: this.index });
    this.index++;
    this.pos = end;
    this.endValue();
    return true;
  }

  private stepSkipRest(): boolean {
    const end = this.scan();
    if (end < 0) return false;
    this.pos = end;
    this.endValue();
    this.mode = 'top';
    return true;
  }

  private stepObject(): boolean {
    const end = this.cutValid();
    if (end < 0) return end === BROKEN;
    const text = this.buf.slice(this.valueStart, end);
    this.emit(text);
    this.line += countNewlines(text);
    this.pos = end;
    this.endValue();
    this.mode = 'top';
    return true;
  }

  private stepLine(): boolean {
    const s = this.buf;
    if (this.pos >= s.length) return false;
    let eol = s.indexOf('\n', this.pos);
    if (eol < 0) {
      if (!this.ended) return false;
      eol = s.length;
    }
    const text = s.slice(this.pos, eol).trim();
    if (text !== '') {
      const place = { index: this.index++, line: this.line };
      const error = jsonErrorAt(text, 0, text.length);
      if (error >= 0) {
        this.listener.problem(invalidJsonReason(text, error), place);
      } else if (text.charCodeAt(0) !== OPEN_BRACE) {
        this.listener.problem(`not a JSON object (${text.slice(0, 40)})`, place);
      } else {
        this.listener.record(text, place, topKeys);
      }
    }
    this.line++;
    this.pos = eol + 1;
    return true;
  }

  private emit(text: string): void {
    this.listener.record(
      text,
      this.mode === 'object' ? { index: this.index++, line: this.line } : { index: this.index++ },
      topKeys,
    );
  }

  /**
   * The end of the object record at `valueStart` once it is complete and valid JSON; -1 when more input is needed,
   * BROKEN when it is not valid JSON (reported, and the scan moved on). A record that starts and ends in the buffer is checked
   * and cut in one pass; otherwise the resumable bracket scan finds its end and the check follows.
   */
  private cutValid(): number {
    const s = this.buf;
    if (this.scanPos === this.valueStart) {
      const end = jsonValueEnd(s, this.valueStart, s.length);
      if (end >= 0) {
        this.scanPos = -1;
        return end;
      }
    }
    const end = this.scan();
    if (end < 0) return -1;
    const error = jsonErrorAt(s, this.valueStart, end);
    if (error < 0) return end;
    this.broken(error, end, true);
    return BROKEN;
  }

  /**
   * Continues the bracket scan of the value at `valueStart` from `scanPos`; returns the index after its closing
   * bracket, or -1 when the buffer ends first (the state is kept, so the next push resumes where this one stopped).
   */
  private scan(): number {
    const s = this.buf;
    const n = s.length;
    let i = this.scanPos;
    let depth = this.depth;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        const close = closingQuote(s, i + 1);
        if (close < 0) break; // resume at this opening quote
        i = close + 1;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) {
          this.depth = 0;
          this.scanPos = -1;
          return i + 1;
        }
      }
      i++;
    }
    this.scanPos = i;
    this.depth = depth;
    return -1;
  }
}

/** The index of the next `{` that opens a line at or after `from`, or `s.length`. */
function nextLineStart(s: string, from: number): number {
  LINE_START.lastIndex = Math.max(from - 1, 0);
  const match = LINE_START.exec(s);
  return match === null ? s.length : match.index + 1;
}

/** Index of the quote that closes a string whose content starts at `from`, or -1 if not in the buffer yet. */
function closingQuote(s: string, from: number): number {
  let j = s.indexOf('"', from);
  while (j >= 0) {
    let backslashes = 0;
    let k = j - 1;
    while (k >= from && s.charCodeAt(k) === BACKSLASH) {
      backslashes++;
      k--;
    }
    if ((backslashes & 1) === 0) return j;
    j = s.indexOf('"', j + 1);
  }
  return -1;
}

/** The first key of the object opening at `at` and where its value starts; undefined when the buffer ends first. */
function readFirstKey(s: string, at: number): { key: string; valueAt: number } | undefined {
  let i = skipSpaces(s, at + 1);
  if (i >= s.length) return undefined;
  if (s.charCodeAt(i) !== QUOTE) return { key: '', valueAt: i };
  const close = closingQuote(s, i + 1);
  if (close < 0) return undefined;
  const key = s.slice(i + 1, close);
  i = skipSpaces(s, close + 1);
  if (i >= s.length) return undefined;
  if (s.charCodeAt(i) !== 58 /* : */) return { key, valueAt: i };
  i = skipSpaces(s, i + 1);
  if (i >= s.length) return undefined;
  return { key, valueAt: i };
}

function skipSpaces(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function countNewlines(text: string): number {
  let count = 0;
  let i = text.indexOf('\n');
  while (i >= 0) {
    count++;
    i = text.indexOf('\n', i + 1);
  }
  return count;
}

function describeChar(s: string, i: number): string {
  const sample = s.slice(i, i + 20).replace(/\s+/g, ' ');
  return `"${sample}"`;
}
