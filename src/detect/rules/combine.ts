/** Combining compiled tests and their pins under and/or, shared by the Falco and Sigma compilers. */
import type { Pins, Test } from './compiled.ts';

export function all(tests: Test[]): Test {
  if (tests.length === 1) return tests[0] as Test;
  if (tests.length === 2) {
    const [a, b] = tests as [Test, Test];
    return (e) => a(e) && b(e);
  }
  return (e) => {
    for (const t of tests) if (!t(e)) return false;
    return true;
  };
}

export function any(tests: Test[]): Test {
  if (tests.length === 1) return tests[0] as Test;
  return (e) => {
    for (const t of tests) if (t(e)) return true;
    return false;
  };
}

function shortest(set: Set<string>): number {
  let n = Infinity;
  for (const s of set) n = Math.min(n, s.length);
  return n;
}

function intersect(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return new Set([...a].filter((x) => b.has(x)));
}

export function andPins(pins: Pins[]): Pins {
  let names: Set<string> | undefined;
  let sources: Set<string> | undefined;
  let needles: Set<string> | undefined;
  for (const p of pins) {
    names = intersect(names, p.names);
    sources = intersect(sources, p.sources);
    // any one conjunct's literals will do: keep the most selective (longest shortest literal)
    if (p.needles && (!needles || shortest(p.needles) > shortest(needles))) needles = p.needles;
  }
  return { ...(names ? { names } : {}), ...(sources ? { sources } : {}), ...(needles ? { needles } : {}) };
}

export function orPins(pins: Pins[]): Pins {
  const out: Pins = {};
  if (pins.every((p) => p.names)) out.names = new Set(pins.flatMap((p) => [...(p.names as Set<string>)]));
  if (pins.every((p) => p.sources)) out.sources = new Set(pins.flatMap((p) => [...(p.sources as Set<string>)]));
  if (pins.every((p) => p.needles)) out.needles = new Set(pins.flatMap((p) => [...(p.needles as Set<string>)]));
  else if (!out.names) {
    // A branch pinned by event name only, or-ed with one pinned by a literal only (`ct.name=SendCommand or
    // <instance credentials>`): the record holds the name as the JSON string "SendCommand", a literal too.
    const literals = pins.map((p) => p.needles ?? (p.names ? needlesOfNames(p.names) : undefined));
    if (literals.every((n) => n !== undefined)) out.needles = new Set(literals.flatMap((n) => [...n]));
  }
  return out;
}

/** printable ASCII without the characters JSON may escape: such a literal appears verbatim in the raw record */
// (JSON encoders may escape the unsafe ones: Go writes <, > and & as \u003c...)
export const SAFE_NEEDLE = /^[\x20-\x7e]+$/;
export const UNSAFE_CHARS = /["\\/<>&]/;

function needlesOfNames(names: Set<string>): Set<string> | undefined {
  const list = [...names];
  const safe = list.every((n) => n !== '' && SAFE_NEEDLE.test(n) && !UNSAFE_CHARS.test(n) && Number.isNaN(Number(n)));
  return safe ? new Set(list.map((n) => `"${n}"`)) : undefined;
}
