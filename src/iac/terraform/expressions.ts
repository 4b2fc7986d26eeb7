import { isObject, textOf, Unknown, firstUnknown, type Value } from '../values.ts';
import { callFunction } from './functions.ts';
import type { HclNode } from './hcl.ts';

/**
 * A value computed on demand: a resource, a module's outputs, the locals. Resolving lazily lets one resource refer
 * to another in any order, and a cycle (`local.a = local.b`, `local.b = local.a`) end as an Unknown naming it.
 */
export interface Lazy {
  readonly lazy: true;
  /** an attribute or key; undefined when there is no such thing */
  get(key: string | number): Evaluated | undefined;
  /** the whole value (`jsonencode(aws_s3_bucket.x)`, a module passed as a value) */
  value(): Value;
}

export type Evaluated = Value | Lazy | Evaluated[] | { [key: string]: Evaluated };

export function isLazy(value: Evaluated | undefined): value is Lazy {
  return typeof value === 'object' && value !== null && 'lazy' in value && (value as Lazy).lazy === true;
}

/** The plain value (resources and modules inside lists and maps resolved too). */
export function settle(value: Evaluated): Value {
  if (isLazy(value)) return value.value();
  if (Array.isArray(value)) return value.map(settle);
  if (typeof value === 'object' && value !== null && !(value instanceof Unknown))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, settle(v)]));
  return value;
}

/** Names an expression can start with: `var`, `local`, `aws_s3_bucket`, a `for` iterator, `count`, `each`… */
export interface Scope {
  root(name: string): Evaluated | undefined;
  /** where expressions of this scope live, for messages */
  file: string;
}

/** A scope with more names (a `for` iterator, `count`, `each`, a dynamic block's iterator). */
export function extendScope(scope: Scope, names: Record<string, Evaluated>): Scope {
  return { file: scope.file, root: (name) => (name in names ? names[name] : scope.root(name)) };
}

function where(scope: Scope, node: HclNode): string {
  return `${scope.file}:${node.startRow + 1}`;
}

/** The text of an expression as written, shortened for a message. */
export function expressionText(node: HclNode): string {
  const text = node.text.replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function unescapeQuoted(text: string): string {
  return text
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{')
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
      if (e === 'n') return '\n';
      if (e === 't') return '\t';
      if (e === 'r') return '\r';
      if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
      return e;
    });
}

export function attr(value: Evaluated | undefined, key: string | number, describe: () => string): Evaluated {
  if (value === undefined) return new Unknown(`${describe()} is not defined`);
  if (value instanceof Unknown) return value;
  if (isLazy(value)) return value.get(key) ?? new Unknown(`${describe()} is not defined`);
  if (Array.isArray(value)) {
    const i = typeof key === 'number' ? key : Number(key);
    if (Number.isInteger(i) && i >= 0 && i < value.length) return value[i] as Evaluated;
    return new Unknown(`${describe()}: index ${String(key)} is out of range`);
  }
  if (typeof value === 'object' && value !== null) {
    const k = String(key);
    return Object.prototype.hasOwnProperty.call(value, k)
      ? (value[k] as Evaluated)
      : new Unknown(`${describe()} is not defined`);
  }
  return new Unknown(`${describe()}: ${typeof value} has no attribute ${String(key)}`);
}

/** The value of one expression node in a scope. Never throws on what the user wrote: unknowns say why. */
export function evaluate(node: HclNode, scope: Scope): Evaluated {
  switch (node.type) {
    case 'expression':
      return evaluateSequence(named(node), scope);
    case 'literal_value':
      return literal(node.namedChildren[0] ?? node);
    case 'template_expr':
      return template(node.namedChildren[0] ?? node, scope);
    case 'collection_value':
      return collection(node.namedChildren[0] ?? node, scope);
    case 'variable_expr':
      return variable(node, scope);
    case 'function_call':
      return functionCall(node, scope);
    case 'for_expr':
      return forExpression(node.namedChildren[0] ?? node, scope);
    case 'operation':
      return operation(node.namedChildren[0] ?? node, scope);
    case 'conditional': {
      const [cond, yes, no] = named(node);
      if (!cond || !yes || !no) return new Unknown(`cannot read the condition at ${where(scope, node)}`);
      const test = settle(evaluate(cond, scope));
      if (test instanceof Unknown) return test;
      return evaluate(test === true || test === 'true' ? yes : no, scope);
    }
    default:
      return new Unknown(`${node.type} expressions are not evaluated (${where(scope, node)})`);
  }
}

export function evaluateValue(node: HclNode, scope: Scope): Value {
  return settle(evaluate(node, scope));
}

/** The named children (comments are not copied out of the parse tree). */
function named(node: HclNode): readonly HclNode[] {
  return node.namedChildren;
}

function literal(node: HclNode): Value {
  switch (node.type) {
    case 'numeric_lit':
      return Number(node.text);
    case 'bool_lit':
      return node.text === 'true';
    case 'null_lit':
      return null;
    case 'string_lit':
      return templatePieces(node)
        .map((p) => (typeof p === 'string' ? unescapeQuoted(p) : ''))
        .join('');
    default:
      return new Unknown(`literal ${node.type} is not read`);
  }
}

function stringify(value: Value): string | Unknown {
  if (value instanceof Unknown) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '';
  return new Unknown('a list or object inside a string template');
}

/**
 * The pieces of a quoted string or heredoc in order: literal text, sliced from the source between the opening
 * marker, the interpolations and directives and the closing marker (the grammar's template_literal tokens leave out
 * the spaces next to an interpolation, so `"a ${b} c"` must not be read from them), and the nodes in between.
 */
function templatePieces(node: HclNode): Array<string | HclNode> {
  const parts = named(node);
  const heredoc = node.type === 'heredoc_template';
  const identifiers = parts.filter((c) => c.type === 'heredoc_identifier');
  const open = heredoc ? identifiers[0] : parts.find((c) => c.type === 'quoted_template_start');
  const close = heredoc ? identifiers[1] : parts.find((c) => c.type === 'quoted_template_end');
  let at = open ? open.endIndex : node.startIndex;
  const end = close ? close.startIndex : node.endIndex;
  const pieces: Array<string | HclNode> = [];
  for (const part of parts) {
    if (part.type !== 'template_interpolation' && part.type !== 'template_directive') continue;
    if (part.startIndex > at) pieces.push(node.slice(at, part.startIndex));
    pieces.push(part);
    at = part.endIndex;
  }
  if (end > at) pieces.push(node.slice(at, end));
  if (heredoc) {
    // the text starts on the line after `<<EOT` and ends with the newline before the closing marker's line
    const first = pieces[0];
    if (typeof first === 'string') pieces[0] = first.replace(/^\r?\n/, '');
    const last = pieces[pieces.length - 1];
    if (typeof last === 'string') pieces[pieces.length - 1] = last.replace(/[ \t]*$/, '');
  }
  return pieces.filter((p) => p !== '');
}

/** `<<-EOT`: the smallest indentation of the non-blank lines, which Terraform removes from every line. */
function heredocIndent(pieces: Array<string | HclNode>, node: HclNode): number {
  if (!node.namedChildren[0]?.text.includes('-')) return 0;
  let text = '';
  for (const p of pieces) text += typeof p === 'string' ? p : 'x';
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length ? Math.min(...lines.map((l) => l.length - l.trimStart().length)) : 0;
}

function template(node: HclNode, scope: Scope): Evaluated {
  const pieces = templatePieces(node);
  const heredoc = node.type === 'heredoc_template';
  const only = pieces[0];
  if (pieces.length === 1 && typeof only !== 'string' && only?.type === 'template_interpolation') {
    // "${x}" alone is x itself, whatever its type
    const inner = named(only).find((c) => c.type === 'expression');
    return inner ? evaluate(inner, scope) : '';
  }
  const indent = heredoc ? heredocIndent(pieces, node) : 0;
  let out = '';
  for (const [i, part] of pieces.entries()) {
    if (typeof part === 'string') {
      let text = heredoc ? part : unescapeQuoted(part);
      // the first piece starts a line; later pieces start after an interpolation, mid-line
      if (indent > 0) text = text.replace(new RegExp(`${i === 0 ? '(^|\\n)' : '(\\n)'} {0,${indent}}`, 'g'), '$1');
      out += text;
    } else if (part.type === 'template_interpolation') {
      const inner = named(part).find((c) => c.type === 'expression');
      const text = inner ? stringify(settle(evaluate(inner, scope))) : '';
      if (text instanceof Unknown) return text;
      out += text;
    } else {
      return new Unknown(`template directives (%{ }) are not evaluated (${where(scope, part)})`);
    }
  }
  return out;
}

function collection(node: HclNode, scope: Scope): Value {
  if (node.type === 'tuple')
    return named(node)
      .filter((c) => c.type === 'expression')
      .map((c) => evaluateValue(c, scope));
  const out: Record<string, Value> = {};
  for (const elem of named(node)) {
    if (elem.type !== 'object_elem') continue;
    const keyNode = elem.childForFieldName('key');
    const valNode = elem.childForFieldName('val');
    if (!keyNode || !valNode) continue;
    const bare = named(keyNode);
    // `{ name = 1 }`: a bare identifier is the key itself, not a variable
    let key: Value =
      bare.length === 1 && bare[0]?.type === 'variable_expr' ? bare[0].text : evaluateValue(keyNode, scope);
    if (key instanceof Unknown) return key;
    if (typeof key === 'number' || typeof key === 'boolean') key = String(key);
    if (typeof key !== 'string') return new Unknown(`an object key is not a string (${where(scope, keyNode)})`);
    out[key] = evaluateValue(valNode, scope);
  }
  return out;
}

function variable(node: HclNode, scope: Scope): Evaluated {
  const name = node.text;
  const value = scope.root(name);
  return value ?? new Unknown(`"${name}" is not defined (${where(scope, node)})`);
}

function functionCall(node: HclNode, scope: Scope): Evaluated {
  const [nameNode, argsNode] = named(node);
  const name = nameNode?.text ?? '';
  const argNodes = argsNode ? named(argsNode).filter((c) => c.type === 'expression') : [];
  let args = argNodes.map((a) => evaluateValue(a, scope));
  const expand = argsNode ? named(argsNode).some((c) => c.type === 'ellipsis') : false;
  if (expand) {
    const last = args[args.length - 1];
    if (last instanceof Unknown) return last;
    if (Array.isArray(last)) args = [...args.slice(0, -1), ...last];
  }
  return callFunction(name, args, `${name}() at ${where(scope, node)}`);
}

function iterate(collectionValue: Value): Array<[Value, Value]> | Unknown {
  if (collectionValue instanceof Unknown) return collectionValue;
  if (Array.isArray(collectionValue)) return collectionValue.map((v, i) => [i, v]);
  if (isObject(collectionValue)) return Object.keys(collectionValue).map((k) => [k, collectionValue[k] as Value]);
  return new Unknown('a for expression over a value that is not a list or map');
}

function forExpression(node: HclNode, scope: Scope): Value {
  const parts = named(node);
  const intro = parts.find((c) => c.type === 'for_intro');
  if (!intro) return new Unknown(`cannot read the for expression at ${where(scope, node)}`);
  const names = named(intro)
    .filter((c) => c.type === 'identifier')
    .map((c) => c.text);
  const source = named(intro).find((c) => c.type === 'expression');
  const items = iterate(source ? evaluateValue(source, scope) : null);
  if (items instanceof Unknown) return items;
  const bodies = parts.filter((c) => c.type === 'expression');
  const cond = parts.find((c) => c.type === 'for_cond');
  const condExpr = cond ? named(cond)[0] : undefined;
  const isObjectFor = node.type === 'for_object_expr';
  const grouping = parts.some((c) => c.type === 'ellipsis');
  const list: Value[] = [];
  const object: Record<string, Value> = {};
  for (const [key, value] of items) {
    const bound: Record<string, Evaluated> =
      names.length === 2 ? { [names[0] ?? '']: key, [names[1] ?? '']: value } : { [names[0] ?? '']: value };
    const inner = extendScope(scope, bound);
    if (condExpr) {
      const keep = evaluateValue(condExpr, inner);
      if (keep instanceof Unknown) return keep;
      if (keep !== true) continue;
    }
    if (!isObjectFor) {
      list.push(bodies[0] ? evaluateValue(bodies[0], inner) : null);
      continue;
    }
    const k = bodies[0] ? evaluateValue(bodies[0], inner) : null;
    if (k instanceof Unknown) return k;
    const v = bodies[1] ? evaluateValue(bodies[1], inner) : null;
    const ks = textOf(k);
    if (grouping) ((object[ks] ??= []) as Value[]).push(v);
    else object[ks] = v;
  }
  return isObjectFor ? object : list;
}

function evaluateSequence(parts: readonly HclNode[], scope: Scope): Evaluated {
  const [first, ...rest] = parts;
  if (!first) return null;
  let value: Evaluated = first.type === 'expression' ? evaluate(first, scope) : evaluate(first, scope);
  let path = first.text;
  for (const step of rest) {
    value = postfix(value, step, scope, path);
    path += step.text;
  }
  return value;
}

function postfix(value: Evaluated, step: HclNode, scope: Scope, path: string): Evaluated {
  if (step.type === 'get_attr') {
    const name = named(step)[0]?.text ?? '';
    return attr(value, name, () => `${path}.${name}`);
  }
  if (step.type === 'index') {
    const inner = named(step)[0];
    let key: Value;
    if (inner?.type === 'legacy_index') key = Number(inner.text.replace(/^\./, ''));
    else {
      const expr = inner ? named(inner)[0] : undefined;
      key = expr ? evaluateValue(expr, scope) : null;
    }
    if (key instanceof Unknown) return key;
    if (typeof key !== 'string' && typeof key !== 'number') return new Unknown(`${path}: an index that is not a key`);
    return attr(value, key, () => `${path}[${JSON.stringify(key)}]`);
  }
  if (step.type === 'splat') {
    const kind = named(step)[0];
    const steps = kind ? named(kind) : [];
    const base = settle(value);
    if (base instanceof Unknown) return base;
    const items = base === null ? [] : Array.isArray(base) ? base : [base];
    return items.map((item) => {
      let v: Evaluated = item;
      for (const s of steps) v = postfix(v, s, scope, `${path}[*]`);
      return settle(v);
    });
  }
  return new Unknown(`${step.type} is not evaluated (${where(scope, step)})`);
}

const BINARY: Record<string, (a: Value, b: Value) => Value> = {
  '==': (a, b) => JSON.stringify(a) === JSON.stringify(b),
  '!=': (a, b) => JSON.stringify(a) !== JSON.stringify(b),
  '<': (a, b) => Number(a) < Number(b),
  '<=': (a, b) => Number(a) <= Number(b),
  '>': (a, b) => Number(a) > Number(b),
  '>=': (a, b) => Number(a) >= Number(b),
  '+': (a, b) => Number(a) + Number(b),
  '-': (a, b) => Number(a) - Number(b),
  '*': (a, b) => Number(a) * Number(b),
  '/': (a, b) => Number(a) / Number(b),
  '%': (a, b) => Number(a) % Number(b),
  '&&': (a, b) => a === true && b === true,
  '||': (a, b) => a === true || b === true,
};

function operation(node: HclNode, scope: Scope): Evaluated {
  const children = node.children;
  if (node.type === 'unary_operation') {
    const [op, ...operand] = children;
    const v = settle(evaluateSequence(operand, scope));
    if (v instanceof Unknown) return v;
    return op?.type === '!' ? v !== true : -Number(v);
  }
  const at = children.findIndex((c) => !c.isNamed && c.type in BINARY);
  const op = children[at]?.type ?? '';
  const left = settle(evaluateSequence(children.slice(0, at), scope));
  const right = settle(evaluateSequence(children.slice(at + 1), scope));
  const unknown = firstUnknown(left) ?? firstUnknown(right);
  if (unknown) return unknown;
  const apply = BINARY[op];
  return apply ? apply(left, right) : new Unknown(`operator ${op} is not evaluated (${where(scope, node)})`);
}
