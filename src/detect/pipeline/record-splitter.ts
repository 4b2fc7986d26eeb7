/**
 * Cuts a stream of CloudTrail JSON text into the raw text of single records, without JSON.parse: the scanner only
 * tracks strings (jumping from quote to quote with indexOf), escapes and bracket depth, so that the matcher can
 * pre-filter a record on its event name before anything is parsed.
 *
 * Accepted layouts, detected from the first value and mixable in one stream:
 * - CloudTrail log files `{"Records":[{...},{...}]}` (several of them concatenated too)
 * - a bare JSON array of records `[{...},{...}]`
 * - JSON Lines, one record per line (an invalid line is one bad record, the next line goes on)
 * - records written one after another (pretty-printed)
 * Structural problems (not JSON, a Records element that is not an object, truncation) are reported with the
 * record's index or line, and the stream goes on where that is possible.
 */

export interface RecordPlace {
  /** 0-based number of the record in this stream (Records[] index for CloudTrail files) */
  index: number;
  /** 1-based line of the record, known for JSON Lines */
  line?: number;
}

export interface SplitterListener {
  record(text: string, place: RecordPlace): void;
  problem(reason: string, place: RecordPlace): void;
}

type Mode =
  | 'top' // between top-level values
  | 'records' // inside `"Records": [`: elements are records
  | 'array' // inside a bare top-level array: elements are records
  | 'skip-rest' // after the Records array: skipping the rest of the wrapper object
  | 'object' // a top-level object that is itself a record
  | 'lines' // JSON Lines
  | 'dead'; // not JSON: ignore the rest

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const NEWLINE = 10;

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

  constructor(private readonly listener: SplitterListener) {}

  push(chunk: string): void {
    if (this.mode === 'dead') return;
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
  }

  end(): void {
    this.ended = true;
    this.run();
    const place = { index: this.index, line: this.mode === 'lines' ? this.line : undefined };
    switch (this.mode) {
      case 'records':
      case 'array':
        this.listener.problem(
          this.valueStart >= 0 ? 'unexpected end of input inside this record (truncated file?)' : 'unexpected end of input: the Records array is not closed (truncated file?)',
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
      case 'dead':
        return false;
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
      this.listener.problem(`not JSON: unexpected ${describeChar(s, i)} where a CloudTrail log file or record should start`, { index: this.index, line: this.line });
      this.mode = 'dead';
      return false;
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
    if (lineText.charCodeAt(lineText.length - 1) === CLOSE_BRACE) {
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
    const end = this.scan();
    if (end < 0) return false;
    this.emit(s.slice(this.valueStart, end));
    this.pos = end;
    this.valueStart = -1;
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
    this.valueStart = -1;
    return true;
  }

  private stepSkipRest(): boolean {
    const end = this.scan();
    if (end < 0) return false;
    this.pos = end;
    this.valueStart = -1;
    this.mode = 'top';
    return true;
  }

  private stepObject(): boolean {
    const end = this.scan();
    if (end < 0) return false;
    const text = this.buf.slice(this.valueStart, end);
    this.emit(text);
    this.line += countNewlines(text);
    this.pos = end;
    this.valueStart = -1;
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
    if (text !== '') this.listener.record(text, { index: this.index++, line: this.line });
    this.line++;
    this.pos = eol + 1;
    return true;
  }

  private emit(text: string): void {
    this.listener.record(text, this.mode === 'object' ? { index: this.index++, line: this.line } : { index: this.index++ });
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

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
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
