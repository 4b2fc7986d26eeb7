/**
 * What an IaC adapter knows about a value before anything is deployed: a plain JSON value, or `Unknown` with the
 * reason (the expression that could not be resolved, or "known only after apply"). Unknowns travel through every
 * operation, so a response built from one is recorded as unresolved and the checks that need it say `unknown`.
 */
export class Unknown {
  constructor(
    /** e.g. `var.env has no value (variables.tf:3)` */
    readonly why: string,
  ) {}
}

export type Value = string | number | boolean | null | Unknown | Value[] | { [key: string]: Value };
export type ObjectValue = { [key: string]: Value };

/** Where a synthesised value came from: the block or property that declared it. Lines are 1-based. */
export interface SourceSpan {
  file: string;
  startLine: number;
  endLine: number;
}

export function isObject(value: Value | undefined): value is ObjectValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unknown);
}

/** The first unknown inside a value, if any (depth-first, in key order). */
export function firstUnknown(value: unknown): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstUnknown(item);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) {
      const found = firstUnknown(item);
      if (found) return found;
    }
  }
  return undefined;
}

export function spanText(span: SourceSpan): string {
  return `${span.file}:${span.startLine}`;
}

/** A value as Terraform's string conversion writes it (lists and objects as JSON). */
export function textOf(v: Value | undefined): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Unknown) return v.why;
  return JSON.stringify(v);
}
