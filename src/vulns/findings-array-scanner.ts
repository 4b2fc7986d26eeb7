/**
 * Finds the elements of the top-level `"findings": [...]` array of a JSON document read in chunks,
 * and hands each element's text on by itself, so that a file of a million findings is never one
 * string (V8 cannot hold a string over about 512 MB) nor one parsed object. Only the structure is
 * scanned here; each element is parsed with `JSON.parse` by the caller.
 */

export interface ArrayElement {
  index: number;
  /** 1-based line where the element starts */
  line: number;
  text: string;
}

export type ScanProblem = 'not-an-object' | 'no-findings-array' | 'truncated';

export class FindingsScanError extends Error {
  readonly problem: ScanProblem;
  readonly line: number;

  constructor(problem: ScanProblem, line: number) {
    super(problem);
    this.problem = problem;
    this.line = line;
  }
}

/** The characters that matter outside strings, and inside them. */
const STRUCTURE = /["{}[\],:\n]/g;
const STRING_END = /["\\]/g;

export async function* findingsArrayElements(chunks: AsyncIterable<string>): AsyncGenerator<ArrayElement> {
  let depth = 0;
  let line = 1;
  let inString = false;
  let escaped = false;
  let sawTop = false;
  /** at depth 1: a ':' was read, so the next token is a value, not a key */
  let awaitingValue = false;
  let keyParts: string[] | undefined;
  let lastKey: string | undefined;
  let inFindings = false;
  let sawFindings = false;
  let elementParts: string[] = [];
  let elementLine = 1;
  let index = 0;

  /** `elementLine` is the line of the `[` or `,` before the element; its leading newlines are added */
  const flushElement = (): ArrayElement | undefined => {
    const raw = elementParts.join('');
    elementParts = [];
    const text = raw.trim();
    if (text === '') return undefined;
    return {
      index: index++,
      line: elementLine + countNewlines(raw.slice(0, raw.length - raw.trimStart().length)),
      text,
    };
  };

  for await (const chunk of chunks) {
    let i = 0;
    // start of the part of this chunk that belongs to the current element (findings mode)
    let segment = inFindings && depth >= 2 ? 0 : -1;
    while (i < chunk.length) {
      if (inString) {
        STRING_END.lastIndex = i;
        if (escaped) {
          if (keyParts) keyParts.push(chunk[i]!);
          escaped = false;
          i += 1;
          continue;
        }
        const match = STRING_END.exec(chunk);
        if (!match) {
          if (keyParts) keyParts.push(chunk.slice(i));
          break;
        }
        if (match[0] === '\\') {
          if (keyParts) keyParts.push(chunk.slice(i, match.index + 1));
          escaped = true;
          i = match.index + 1;
          continue;
        }
        if (keyParts) {
          keyParts.push(chunk.slice(i, match.index));
          lastKey = JSON.parse(`"${keyParts.join('')}"`) as string;
          keyParts = undefined;
        }
        inString = false;
        i = match.index + 1;
        continue;
      }

      if (!sawTop) {
        const first = chunk.slice(i).search(/\S/);
        if (first < 0) {
          line += countNewlines(chunk.slice(i));
          i = chunk.length;
          continue;
        }
        line += countNewlines(chunk.slice(i, i + first));
        if (chunk[i + first] !== '{') throw new FindingsScanError('not-an-object', line);
        sawTop = true;
        i += first;
      }

      STRUCTURE.lastIndex = i;
      const match = STRUCTURE.exec(chunk);
      if (!match) {
        break;
      }
      const at = match.index;
      const c = match[0];
      i = at + 1;
      if (c === '\n') {
        line += 1;
        continue;
      }
      if (inFindings && depth === 2 && (c === ',' || c === ']')) {
        if (segment >= 0) elementParts.push(chunk.slice(segment, at));
        const element = flushElement();
        if (element) yield element;
        if (c === ']') {
          inFindings = false;
          depth -= 1;
          segment = -1;
        } else {
          segment = i;
          elementLine = line;
        }
        continue;
      }
      if (c === '"') {
        inString = true;
        if (depth === 1 && !awaitingValue) keyParts = [];
        continue;
      }
      if (depth === 1) {
        if (c === ':') awaitingValue = true;
        else if (c === ',') awaitingValue = false;
      }
      if (c === '{' || c === '[') {
        if (depth === 1 && c === '[' && awaitingValue && lastKey === 'findings' && !sawFindings) {
          inFindings = true;
          sawFindings = true;
          depth += 1;
          segment = i;
          elementLine = line;
          continue;
        }
        depth += 1;
      } else if (c === '}' || c === ']') {
        depth -= 1;
      }
    }
    if (inFindings && segment >= 0 && segment < chunk.length) elementParts.push(chunk.slice(segment));
  }
  if (!sawTop) throw new FindingsScanError('not-an-object', line);
  if (depth !== 0 || inString) throw new FindingsScanError('truncated', line);
  if (!sawFindings) throw new FindingsScanError('no-findings-array', line);
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}
