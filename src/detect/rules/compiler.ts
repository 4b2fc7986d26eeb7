/**
 * Compiles rule conditions to closures: macros expanded, lists substituted, fields resolved through
 * the field table once, operands converted to the field's type once. Also finds the event names and
 * sources a condition pins (ct.name = X / ct.name in (...) ANDed at the top), for the matcher's index.
 */
import { type BoundField, resolveField } from '../fields/table.ts';
import type { ConditionNode, Operand } from './condition-ast.ts';
import { ConditionSyntaxError, MAX_CONDITION_NESTING, parseCondition } from './condition-parser.ts';
import type { EvalContext, FieldSlots, OutputPart, Pins, Test } from './compiled.ts';
import type { ExceptionDef, ListDef, MacroDef } from './definitions.ts';
import { ItemError } from './diagnostics.ts';
import { LocatedText, type Pos } from './located.ts';
import { all, andPins, any, orPins, SAFE_NEEDLE, UNSAFE_CHARS } from './combine.ts';
import { convert, listCompare, scalarCompare, supports } from './operators.ts';

const NAME_FIELDS = new Set(['ct.name', 'json.value[/eventName]', 'jevt.value[/eventName]']);
const SOURCE_FIELDS = new Set(['ct.src', 'json.value[/eventSource]', 'jevt.value[/eventSource]']);

interface Compiled {
  test: Test;
  pins: Pins;
}

/**
 * The most comparisons, macro references and list items one rule (condition and exceptions) may expand to. Macros
 * and lists are pasted in where they are used, so a file in which each macro or list names the one before it twice
 * doubles at every level: 24 levels ran the process out of memory. The built-in packs and Falco's aws_cloudtrail
 * rules need fewer than ten.
 */
const MAX_CONDITION_TERMS = 100_000;
/**
 * How deep `and`/`or`/`not` and macro references may nest once macros are expanded; compiling and evaluating
 * recurse once per level. The built-in packs and Falco's aws_cloudtrail rules nest three levels at most.
 */
const MAX_EXPANDED_NESTING = 200;

/** `a -> b -> c`, shortened in the middle when a chain of macros is long. */
function chain(names: readonly string[]): string {
  const shown = names.length <= 6 ? names : [...names.slice(0, 3), '…', ...names.slice(-2)];
  return shown.join(' -> ');
}

export interface CompilerScope {
  lists: ReadonlyMap<string, ListDef>;
  macros: ReadonlyMap<string, MacroDef>;
  slots: FieldSlots;
  /** limits the fields a rule may use (Cloud Connector rules: json/jevt only) */
  allowField?: (key: string) => boolean;
}

export class Compiler {
  private readonly parsedMacros = new Map<string, ConditionNode>();
  /** macros that compiled rules refer to, directly or through other macros */
  readonly usedMacros = new Set<string>();
  /** terms the rule being compiled has expanded to so far */
  private terms = 0;

  constructor(private readonly scope: CompilerScope) {}

  /** Parses a macro's condition once; a syntax error is reported at the macro's position. */
  parseMacro(macro: MacroDef): ConditionNode {
    let ast = this.parsedMacros.get(macro.name);
    if (ast === undefined) {
      ast = parseLocated(macro.condition);
      this.parsedMacros.set(macro.name, ast);
    }
    return ast;
  }

  compileCondition(condition: LocatedText, exceptions: ExceptionDef[]): Compiled {
    this.terms = 0;
    const ast = parseLocated(condition);
    const main = this.node(ast, condition, [], 0);
    if (exceptions.length === 0) return main;
    const guards = exceptions.map((e) => this.exception(e)).filter((t): t is Test => t !== undefined);
    if (guards.length === 0) return main;
    const test = main.test;
    return { test: (e) => test(e) && !guards.some((g) => g(e)), pins: main.pins };
  }

  /** The slot of a field written on its own (`ct.user.arn`, `json.value[/a/b]`), as in a `cloudwarden:` key list. */
  fieldSlot(text: string, pos: Pos): number {
    const match = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)(?:\[(.*)\])?$/s.exec(text.trim());
    if (!match) throw new ItemError(`"${text}" is not a field name`, pos);
    return this.field(match[1] as string, match[2], LocatedText.at(text, pos), 0).slot;
  }

  private field(
    name: string,
    arg: string | undefined,
    where: LocatedText,
    at: number,
  ): { field: BoundField; slot: number } {
    const resolved = resolveField(name, arg);
    if (!resolved.ok) throw new ItemError(resolved.message, where.posAt(at));
    if (this.scope.allowField && !this.scope.allowField(resolved.field.key)) {
      throw new ItemError(`field ${resolved.field.key} is not allowed here`, where.posAt(at));
    }
    return { field: resolved.field, slot: this.scope.slots.slot(resolved.field.key, resolved.field.read) };
  }

  /** Counts one more term; `pos` and `via` say where, should that be one too many. */
  private spend(pos: () => Pos, via: () => string): void {
    this.terms += 1;
    if (this.terms > MAX_CONDITION_TERMS) {
      throw new ItemError(
        `the condition expands to more than ${MAX_CONDITION_TERMS} terms once macros and lists are pasted in${via()}`,
        pos(),
      );
    }
  }

  /** A macro reference or comparison at `depth` levels of nesting: within the bounds, or an error at `at`. */
  private bound(where: LocatedText, at: number, stack: string[], depth: number): void {
    const via = () => (stack.length > 0 ? ` (through macros ${chain(stack)})` : '');
    if (depth > MAX_EXPANDED_NESTING) {
      throw new ItemError(
        `the condition nests more than ${MAX_EXPANDED_NESTING} levels deep once macros are pasted in${via()}`,
        where.posAt(at),
      );
    }
    this.spend(() => where.posAt(at), via);
  }

  private node(node: ConditionNode, where: LocatedText, stack: string[], depth: number): Compiled {
    switch (node.kind) {
      case 'and': {
        const parts = node.items.map((n) => this.node(n, where, stack, depth + 1));
        const tests = parts.map((p) => p.test);
        return { test: all(tests), pins: andPins(parts.map((p) => p.pins)) };
      }
      case 'or': {
        const parts = node.items.map((n) => this.node(n, where, stack, depth + 1));
        const tests = parts.map((p) => p.test);
        return { test: any(tests), pins: orPins(parts.map((p) => p.pins)) };
      }
      case 'not': {
        const inner = this.node(node.item, where, stack, depth + 1).test;
        return { test: (e) => !inner(e), pins: {} };
      }
      case 'ref': {
        this.bound(where, node.at, stack, depth);
        const macro = this.scope.macros.get(node.name);
        if (!macro) {
          const hint = this.scope.lists.has(node.name) ? ` (${node.name} is a list: use it inside "in (...)")` : '';
          throw new ItemError(`undefined macro ${node.name}${hint}`, where.posAt(node.at));
        }
        if (stack.includes(node.name))
          throw new ItemError(
            `macro ${node.name} refers to itself (${[...stack, node.name].join(' -> ')})`,
            where.posAt(node.at),
          );
        this.usedMacros.add(node.name);
        return this.node(this.parseMacro(macro), macro.condition, [...stack, node.name], depth + 1);
      }
      case 'cmp':
        this.bound(where, node.at, stack, depth);
        return this.comparison(node, where);
    }
  }

  private comparison(node: Extract<ConditionNode, { kind: 'cmp' }>, where: LocatedText): Compiled {
    const { field, slot } = this.field(node.field, node.arg, where, node.at);
    if (!supports(field.type, node.op)) {
      throw new ItemError(
        `operator ${node.op} cannot be used on ${field.type} field ${field.key}`,
        where.posAt(node.opAt),
      );
    }
    if (node.op === 'exists') return { test: (e) => e.get(slot) !== undefined, pins: {} };
    let compare;
    let pinValues: string[] | undefined;
    const expanded = node.values === undefined ? undefined : this.expandLists(node.values);
    if (expanded !== undefined) {
      const operands = expanded.map((o) => this.convert(field, o.text, where, o.at));
      compare = listCompare(node.op, operands);
      if (node.op === 'in') pinValues = operands.map(String);
    } else {
      const operand = node.value as Operand;
      const value = this.convert(field, operand.text, where, operand.at);
      compare = scalarCompare(node.op, value);
      if (node.op === '=') pinValues = [String(value)];
    }
    const test: Test = (e: EvalContext) => {
      const v = e.get(slot);
      return v !== undefined && compare(v);
    };
    const pins: Pins = {};
    if (pinValues && NAME_FIELDS.has(field.key)) pins.names = new Set(pinValues);
    else if (pinValues && SOURCE_FIELDS.has(field.key)) pins.sources = new Set(pinValues);
    else {
      const needles = needlesOf(
        field,
        node.op,
        expanded ? expanded.map((o) => o.text) : [(node.value as Operand).text],
      );
      if (needles) pins.needles = needles;
    }
    return { test, pins };
  }

  private convert(field: BoundField, text: string, where: LocatedText, at: number): string | number | boolean {
    const value = convert(field.type, text);
    if (typeof value === 'object')
      throw new ItemError(`${value.error}: ${field.key} is a ${field.type} field`, where.posAt(at));
    return value;
  }

  /**
   * A bare operand naming a list stands for the list's items (recursively, as Falco expands them). Each item
   * counts against the rule's terms; a bound that gives out is reported at the list being expanded.
   */
  private expandLists(operands: Operand[]): Operand[] {
    const out: Operand[] = [];
    const visit = (operand: Operand, seen: ListDef[]) => {
      const inside = seen[seen.length - 1];
      // names of (possibly empty) lists count too: lists of empty lists that double at every level take time, not room
      if (inside)
        this.spend(
          () => inside.pos,
          () => ` (through lists ${chain(seen.map((l) => l.name))})`,
        );
      const list = operand.quoted ? undefined : this.scope.lists.get(operand.text);
      if (!list || seen.includes(list)) {
        out.push(operand);
        return;
      }
      if (seen.length >= MAX_CONDITION_NESTING) {
        throw new ItemError(
          `lists name lists more than ${MAX_CONDITION_NESTING} levels deep (${chain([...seen, list].map((l) => l.name))})`,
          list.pos,
        );
      }
      for (const item of list.items) visit(listItemOperand(item.value, operand.at), [...seen, list]);
    };
    for (const operand of operands) visit(operand, []);
    return out;
  }

  private exception(exception: ExceptionDef): Test | undefined {
    if (exception.values.length === 0) return undefined;
    const bound = exception.fields.map((f) => {
      const match = /^([^[]+)(?:\[(.*)\])?$/.exec(f.value.trim());
      const resolved = resolveField(match?.[1] ?? f.value, match?.[2]);
      if (!resolved.ok) throw new ItemError(`exception ${exception.name}: ${resolved.message}`, f.pos);
      return { field: resolved.field, slot: this.scope.slots.slot(resolved.field.key, resolved.field.read) };
    });
    const tuples = exception.values.map((tuple) => {
      const checks = tuple.parts.map((part, i) => {
        const { field, slot } = bound[i] as { field: BoundField; slot: number };
        const comp = exception.comps[i] as { value: string; pos: typeof part.pos };
        const op = comp.value === '==' ? '=' : comp.value;
        if (!supports(field.type, op) || op === 'exists')
          throw new ItemError(
            `exception ${exception.name}: operator ${comp.value} cannot be used on ${field.type} field ${field.key}`,
            comp.pos,
          );
        const takesList = op === 'in' || op === 'intersects' || op === 'pmatch';
        let compare;
        if (takesList) {
          const items = 'list' in part ? part.list : [part];
          const operands = this.expandLists(items.map((it) => ({ text: it.value, quoted: false, at: 0 }))).map((o) => {
            const v = convert(field.type, o.text);
            if (typeof v === 'object') throw new ItemError(`exception ${exception.name}: ${v.error}`, part.pos);
            return v;
          });
          compare = listCompare(op, operands);
        } else {
          if ('list' in part)
            throw new ItemError(`exception ${exception.name}: operator ${op} takes one value, not a list`, part.pos);
          const v = convert(field.type, part.value);
          if (typeof v === 'object') throw new ItemError(`exception ${exception.name}: ${v.error}`, part.pos);
          compare = scalarCompare(op, v);
        }
        return (e: EvalContext) => {
          const value = e.get(slot);
          return value !== undefined && compare(value);
        };
      });
      return all(checks);
    });
    return any(tuples);
  }

  /** `%field` references in an output, resolved like condition fields. */
  compileOutput(output: LocatedText): { parts: OutputPart[]; fields: { key: string; slot: number }[] } {
    const parts: OutputPart[] = [];
    const fields: { key: string; slot: number }[] = [];
    const re = /%([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)(?:\[([^\]]*)\])?/g;
    // a folded (>) output ends with a line break that is not part of the alert line
    const text = output.text.replace(/\s+$/, '');
    let last = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m.index > last) parts.push(text.slice(last, m.index));
      const { field, slot } = this.field(m[1] as string, m[2], output, m.index + 1);
      parts.push({ slot, key: field.key });
      if (!fields.some((f) => f.key === field.key)) fields.push({ key: field.key, slot });
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    return { parts, fields };
  }
}

/**
 * Falco pastes list items into the condition as text, so an item written with quotes inside the YAML
 * string (`'"(systemd)"'`) is a quoted value there: the quotes are not part of it.
 */
function listItemOperand(text: string, at: number): Operand {
  const match = /^(["'])(.*)\1$/s.exec(text);
  if (!match) return { text, quoted: false, at };
  return { text: (match[2] as string).replace(/\\(.)/g, '$1'), quoted: true, at };
}

function parseLocated(text: LocatedText): ConditionNode {
  try {
    return parseCondition(text.text);
  } catch (error) {
    if (error instanceof ConditionSyntaxError)
      throw new ItemError(`syntax error in condition: ${error.message}`, text.posAt(error.at));
    throw error;
  }
}

/**
 * Texts one of which the raw record must contain when this comparison holds: for `ct.user.identitytype="Root"`
 * the record holds the JSON string "Root". Only for fields whose values appear verbatim in the record.
 */
function needlesOf(field: BoundField, op: string, values: string[]): Set<string> | undefined {
  if (field.raw === undefined || field.type !== 'string' || values.length === 0) return undefined;
  const quoted = field.raw === 'quoted';
  let needles: string[];
  switch (op) {
    case '=':
    case 'in':
    case 'intersects':
      needles = values.map((v) => (quoted ? `"${v}"` : v));
      break;
    case 'startswith':
      needles = values.map((v) => (quoted ? `"${v}` : v));
      break;
    case 'contains':
    case 'endswith':
      needles = values;
      break;
    default:
      return undefined;
  }
  const safe = values.every(
    (v) =>
      v !== '' &&
      SAFE_NEEDLE.test(v) &&
      !UNSAFE_CHARS.test(v) &&
      !/^[[{]/.test(v) &&
      (quoted || Number.isNaN(Number(v))),
  );
  return safe ? new Set(needles) : undefined;
}
