/**
 * Strings read from YAML that remember where each character came from, so that an error found at
 * offset N of a (possibly folded, possibly appended) condition is reported at its file:line:col.
 */
import type { LineCounter } from 'yaml';

export interface Pos {
  file: string;
  line: number;
  column: number;
}

export interface SourceFile {
  file: string;
  text: string;
  lines: LineCounter;
}

export function posOf(source: SourceFile, offset: number): Pos {
  const { line, col } = source.lines.linePos(offset);
  return { file: source.file, line, column: col };
}

interface Piece {
  /** where the piece starts in the combined text */
  start: number;
  length: number;
  locate: (offset: number) => Pos;
}

/**
 * Maps an offset in a scalar's value to its offset in the YAML source by walking both: folding turns
 * line breaks and indentation into one space, and quoting adds escapes, but the other characters
 * appear in the same order in both.
 */
function scalarLocator(
  source: SourceFile,
  start: number,
  end: number,
  value: string,
  block: boolean,
): (offset: number) => Pos {
  return (offset) => {
    const text = source.text;
    let j = start;
    if (block) {
      const nl = text.indexOf('\n', j);
      j = nl < 0 || nl > end ? start : nl + 1;
    }
    for (let i = 0; i <= offset && i < value.length; i += 1) {
      const c = value[i] as string;
      if (/\s/.test(c)) {
        if (i === offset) {
          while (j < end && /\s/.test(text[j] as string) === false) j += 1;
          break;
        }
        if (j < end && /\s/.test(text[j] as string)) j += 1;
        continue;
      }
      while (j < end && text[j] !== c) j += 1;
      if (i === offset) break;
      j += 1;
    }
    return posOf(source, Math.min(j, Math.max(start, end - 1)));
  };
}

export class LocatedText {
  constructor(
    readonly text: string,
    private readonly pieces: readonly Piece[],
  ) {}

  static fromScalar(
    source: SourceFile,
    range: readonly [number, number, number],
    value: string,
    block: boolean,
  ): LocatedText {
    return new LocatedText(value, [
      { start: 0, length: value.length, locate: scalarLocator(source, range[0], range[1], value, block) },
    ]);
  }

  /** A value that is not a YAML scalar (e.g. built from other keys): every offset maps to `pos`. */
  static at(text: string, pos: Pos): LocatedText {
    return new LocatedText(text, [{ start: 0, length: text.length, locate: () => pos }]);
  }

  /** Falco appends conditions and outputs with a single space between the parts. */
  append(other: LocatedText): LocatedText {
    const offset = this.text.length + 1;
    return new LocatedText(`${this.text} ${other.text}`, [
      ...this.pieces,
      ...other.pieces.map((p) => ({ start: p.start + offset, length: p.length, locate: (o: number) => p.locate(o) })),
    ]);
  }

  posAt(offset: number): Pos {
    for (const piece of this.pieces) {
      if (offset >= piece.start && offset < piece.start + Math.max(piece.length, 1))
        return piece.locate(offset - piece.start);
    }
    const last = this.pieces[this.pieces.length - 1] as Piece;
    return last.locate(Math.max(0, Math.min(offset - last.start, last.length - 1)));
  }
}
