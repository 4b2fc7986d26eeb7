import { firstUnknown, isObject, textOf, Unknown, type Value } from '../values.ts';

type Fn = (args: Value[], where: string) => Value;

const str = textOf;

/** JSON as Terraform's jsonencode writes it (keys in lexical order, no spaces). */
function toJson(v: Value): unknown {
  if (Array.isArray(v)) return v.map(toJson);
  if (isObject(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, toJson(v[k] as Value)]),
    );
  return v;
}

function fromJson(v: unknown): Value {
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === 'object' && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  return v as Value;
}

function list(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (isObject(v)) return Object.values(v);
  return v === null ? [] : [v];
}

function format(args: Value[]): Value {
  const [spec, ...rest] = args;
  let i = 0;
  return textOf(spec).replace(/%([-+ #0]*\d*(?:\.\d+)?)?([sdvqftbx%])/g, (_, _flags: string, verb: string) => {
    if (verb === '%') return '%';
    const v = rest[i++] ?? null;
    if (verb === 'q') return JSON.stringify(str(v));
    if (verb === 'd') return String(Math.trunc(Number(v)));
    if (verb === 't') return String(v === true);
    return str(v);
  });
}

/** The functions policies and bucket settings are usually written with; others give an Unknown naming them. */
const FUNCTIONS: Record<string, Fn> = {
  jsonencode: ([v]) => JSON.stringify(toJson(v ?? null)),
  jsondecode: ([v], where) => {
    try {
      return fromJson(JSON.parse(textOf(v)));
    } catch {
      return new Unknown(`${where}: not valid JSON`);
    }
  },
  merge: (args) => Object.assign({}, ...args.filter(isObject)) as Value,
  concat: (args) => args.flatMap(list),
  format: (args) => format(args),
  formatlist: (args) => {
    const n = Math.max(0, ...args.slice(1).map((a) => (Array.isArray(a) ? a.length : 0)));
    return Array.from({ length: n }, (_, j) =>
      format([args[0] ?? '', ...args.slice(1).map((a) => (Array.isArray(a) ? (a[j] ?? null) : a))]),
    );
  },
  lookup: ([map, key, fallback], where) => {
    if (isObject(map) && Object.prototype.hasOwnProperty.call(map, textOf(key))) return map[textOf(key)] as Value;
    return fallback !== undefined ? fallback : new Unknown(`${where}: no key ${textOf(key)}`);
  },
  tolist: ([v]) => list(v ?? null),
  toset: ([v]) => [...new Map(list(v ?? null).map((x) => [JSON.stringify(x), x])).values()],
  tomap: ([v]) => v ?? null,
  tostring: ([v]) => str(v ?? null),
  tonumber: ([v]) => Number(v),
  tobool: ([v]) => v === true || v === 'true',
  length: ([v]) => (typeof v === 'string' ? [...v].length : list(v ?? null).length),
  lower: ([v]) => str(v ?? null).toLowerCase(),
  upper: ([v]) => str(v ?? null).toUpperCase(),
  trimspace: ([v]) => str(v ?? null).trim(),
  trimprefix: ([v, p]) =>
    str(v ?? null).startsWith(str(p ?? '')) ? str(v ?? null).slice(str(p ?? '').length) : str(v ?? null),
  trimsuffix: ([v, s]) =>
    str(v ?? null).endsWith(str(s ?? '')) && str(s ?? '') !== ''
      ? str(v ?? null).slice(0, -str(s ?? '').length)
      : str(v ?? null),
  startswith: ([v, p]) => str(v ?? null).startsWith(str(p ?? null)),
  endswith: ([v, s]) => str(v ?? null).endsWith(str(s ?? null)),
  join: ([sep, ...lists]) =>
    lists
      .flatMap(list)
      .map(str)
      .join(str(sep ?? '')),
  split: ([sep, v]) => str(v ?? null).split(str(sep ?? null)),
  replace: ([v, search, by]) =>
    str(v ?? null)
      .split(str(search ?? null))
      .join(str(by ?? null)),
  substr: ([v, offset, length]) => {
    const s = [...str(v ?? null)];
    const start = Number(offset);
    const n = Number(length);
    return s.slice(start, n < 0 ? undefined : start + n).join('');
  },
  coalesce: (args) => args.find((a) => a !== null && a !== '') ?? null,
  coalescelist: (args) => args.find((a) => Array.isArray(a) && a.length > 0) ?? [],
  compact: ([v]) => list(v ?? null).filter((x) => x !== null && x !== ''),
  distinct: ([v]) => [...new Map(list(v ?? null).map((x) => [JSON.stringify(x), x])).values()],
  flatten: ([v]) => {
    const flat = (x: Value): Value[] => (Array.isArray(x) ? x.flatMap(flat) : [x]);
    return flat(v ?? []);
  },
  keys: ([v]) => (isObject(v) ? Object.keys(v).sort() : []),
  values: ([v]) =>
    isObject(v)
      ? Object.keys(v)
          .sort()
          .map((k) => v[k] as Value)
      : [],
  contains: ([l, x]) => list(l ?? null).some((y) => JSON.stringify(y) === JSON.stringify(x)),
  element: ([l, i]) => {
    const items = list(l ?? null);
    return items.length ? (items[Number(i) % items.length] as Value) : null;
  },
  one: ([l]) => list(l ?? null)[0] ?? null,
  range: (args, where) => {
    const [a, b, step] = args.map(Number);
    const [start, end] = args.length === 1 ? [0, a ?? 0] : [a ?? 0, b ?? 0];
    const by = step ?? (start <= end ? 1 : -1);
    const n = by === 0 ? 0 : Math.ceil((end - start) / by);
    if (n > 10_000) return new Unknown(`${where}: range of ${n} items is not expanded`);
    return Array.from({ length: Math.max(0, n) }, (_, i) => start + i * by);
  },
  zipmap: ([k, v]) => Object.fromEntries(list(k ?? null).map((key, i) => [str(key), list(v ?? null)[i] ?? null])),
  sort: ([v]) =>
    list(v ?? null)
      .map(str)
      .sort(),
  max: (args) => Math.max(...args.map(Number)),
  min: (args) => Math.min(...args.map(Number)),
  abs: ([v]) => Math.abs(Number(v)),
};

/** `try(a, b)`: the first argument that is known, which is how Terraform treats a failing expression. */
function tryFirstKnown(args: Value[]): Value {
  return args.find((a) => firstUnknown(a) === undefined) ?? args[args.length - 1] ?? null;
}

export function callFunction(name: string, args: Value[], where: string): Value {
  if (name === 'try') return tryFirstKnown(args);
  const fn = FUNCTIONS[name.replace(/^provider::[^:]+::/, '')];
  if (!fn) return new Unknown(`${where}: function ${name} is not evaluated`);
  const unknown = firstUnknown(args);
  if (unknown) return unknown;
  return fn(args, where);
}
