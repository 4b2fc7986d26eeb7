/** The parsed form of a condition. Offsets are into the condition text, for `file:line:col` messages. */

export interface Operand {
  text: string;
  quoted: boolean;
  at: number;
}

export type ConditionNode =
  | { kind: 'and' | 'or'; items: ConditionNode[] }
  | { kind: 'not'; item: ConditionNode }
  /** a macro by name */
  | { kind: 'ref'; name: string; at: number }
  /** `field op value`, `field op (values)` or `field exists` */
  | {
      kind: 'cmp';
      field: string;
      arg: string | undefined;
      at: number;
      op: string;
      opAt: number;
      value?: Operand;
      values?: Operand[];
    };

export const UNARY_OPS = new Set(['exists']);
export const LIST_OPS = new Set(['in', 'intersects', 'pmatch']);
export const WORD_OPS = new Set([
  'contains',
  'icontains',
  'startswith',
  'endswith',
  'glob',
  'exists',
  'in',
  'intersects',
  'pmatch',
]);
export const SYMBOL_OPS = new Set(['=', '==', '!=', '<', '<=', '>', '>=']);
