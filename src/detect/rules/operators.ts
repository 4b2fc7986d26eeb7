/** Comparison operators by field type, built once per condition into closures over the operand. */
import { compileWildcard, type WildcardMatcher } from '../../checks/policy/index.ts';
import type { FieldValue } from '../fields/event.ts';
import type { FieldType } from '../fields/spec.ts';

export type Compare = (value: Exclude<FieldValue, undefined>) => boolean;

const OPS_BY_TYPE: Record<FieldType, Set<string>> = {
  string: new Set([
    '=',
    '!=',
    '<',
    '<=',
    '>',
    '>=',
    'contains',
    'icontains',
    'startswith',
    'endswith',
    'glob',
    'in',
    'intersects',
    'pmatch',
    'exists',
  ]),
  uint64: new Set(['=', '!=', '<', '<=', '>', '>=', 'in', 'intersects', 'exists']),
  bool: new Set(['=', '!=', 'in', 'intersects', 'exists']),
};

export function supports(type: FieldType, op: string): boolean {
  return OPS_BY_TYPE[type].has(op);
}

/**
 * fnmatch-style glob (no FNM_PATHNAME: `*` also matches `/`), anchored at both ends. The event side is attacker
 * data: the shared wildcard matcher takes at most (glob + 1) × (value + 1) steps, where a regular expression
 * built from `*a*a*a…` backtracks.
 */
export function globMatcher(glob: string): WildcardMatcher {
  return compileWildcard(glob, { brackets: true });
}

/** Converts an operand to the field's type; returns an error message when it cannot. */
export function convert(type: FieldType, text: string): string | number | boolean | { error: string } {
  if (type === 'uint64') {
    if (!/^\d+$/.test(text.trim())) return { error: `"${text}" is not a number` };
    return Number(text.trim());
  }
  if (type === 'bool') {
    const lower = text.trim().toLowerCase();
    if (lower !== 'true' && lower !== 'false') return { error: `"${text}" is not true or false` };
    return lower === 'true';
  }
  return text;
}

export function scalarCompare(op: string, operand: string | number | boolean): Compare {
  switch (op) {
    case '=':
      return (v) => v === operand;
    case '!=':
      return (v) => v !== operand;
    case '<':
      return (v) => v < operand;
    case '<=':
      return (v) => v <= operand;
    case '>':
      return (v) => v > operand;
    case '>=':
      return (v) => v >= operand;
    case 'contains': {
      const needle = String(operand);
      return (v) => (v as string).includes(needle);
    }
    case 'icontains': {
      const needle = String(operand).toLowerCase();
      return (v) => (v as string).toLowerCase().includes(needle);
    }
    case 'startswith': {
      const prefix = String(operand);
      return (v) => (v as string).startsWith(prefix);
    }
    case 'endswith': {
      const suffix = String(operand);
      return (v) => (v as string).endsWith(suffix);
    }
    case 'glob': {
      const matches = globMatcher(String(operand));
      return (v) => matches(v as string);
    }
    default:
      throw new Error(`operator ${op} takes a list`);
  }
}

export function listCompare(op: string, operands: (string | number | boolean)[]): Compare {
  if (op === 'pmatch') {
    const prefixes = operands.map(String);
    return (v) => prefixes.some((p) => v === p || (v as string).startsWith(p.endsWith('/') ? p : `${p}/`));
  }
  // in and intersects: every field here has a single value, so both mean membership
  const set = new Set(operands);
  return (v) => set.has(v);
}
