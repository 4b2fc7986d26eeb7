import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { UserError } from '../../errors.ts';
import type { SourceSpan } from '../values.ts';

/** The functions CloudFormation's YAML writes as tags (`!Ref`, `!Sub`…): each a scalar, a sequence or a mapping. */
const SHORT_FORMS = [
  'Ref',
  'Condition',
  'Sub',
  'GetAtt',
  'Join',
  'If',
  'FindInMap',
  'Select',
  'Split',
  'Base64',
  'GetAZs',
  'ImportValue',
  'Equals',
  'And',
  'Or',
  'Not',
  'Cidr',
  'Transform',
  'ToJsonString',
  'Length',
];

/** Kept as tagged nodes: the evaluator reads the tag, so nothing is resolved while parsing. */
const CUSTOM_TAGS = SHORT_FORMS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value },
]);

/** An intrinsic function call, whichever form it was written in: `!Ref X` or `{ "Ref": "X" }`. */
export interface Intrinsic {
  /** `Ref`, `Condition` or `Fn::Sub`… */
  name: string;
  argument: Node;
}

export function intrinsicOf(node: Node | null | undefined): Intrinsic | undefined {
  if (!node) return undefined;
  const tag = node.tag;
  if (tag?.startsWith('!') && SHORT_FORMS.includes(tag.slice(1))) {
    const short = tag.slice(1);
    return { name: short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`, argument: node };
  }
  if (isMap(node) && node.items.length === 1) {
    const pair = node.items[0];
    const key = pair && isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key === 'string' && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::')) && pair?.value)
      return { name: key, argument: pair.value as Node };
  }
  return undefined;
}

export interface TemplateResource {
  logicalId: string;
  type: string;
  properties: Node | undefined;
  condition: string | undefined;
  span: SourceSpan;
  /** where each top-level property was written */
  propertySpans: Record<string, SourceSpan>;
}

export interface Template {
  file: string;
  lines: string[];
  parameters: Map<string, { node: Node; span: SourceSpan }>;
  mappings: Node | undefined;
  conditions: Map<string, Node>;
  resources: TemplateResource[];
  spanOf(node: Node | Pair): SourceSpan;
}

/** A quick look before parsing: does this YAML or JSON file read like a CloudFormation template? */
export function looksLikeTemplate(text: string): boolean {
  return /AWSTemplateFormatVersion|^\s*Resources\s*:|"Resources"\s*:/m.test(text) && /AWS::/.test(text);
}

function entries(node: Node | null | undefined): Array<[string, Node, Pair]> {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair): Array<[string, Node, Pair]> => {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    return typeof key === 'string' && pair.value ? [[key, pair.value as Node, pair]] : [];
  });
}

/** One field of a mapping node. */
export function field(node: Node | null | undefined, name: string): Node | undefined {
  return entries(node).find(([key]) => key === name)?.[1];
}

export { entries as mapEntries, isMap, isScalar, isSeq, isPair };

/** Parses a template (YAML or JSON: JSON is YAML), keeping every node's position; bad input is a UserError. */
export function parseTemplate(file: string, text: string): Template {
  const counter = new LineCounter();
  const doc = parseDocument(text, { customTags: CUSTOM_TAGS, lineCounter: counter, uniqueKeys: false });
  const bad = doc.errors[0];
  if (bad) {
    const at = counter.linePos(bad.pos[0]);
    throw new UserError(`YAML syntax error: ${bad.message.split('\n')[0] ?? ''}`, {
      file,
      line: at.line,
      column: at.col,
    });
  }
  const line = (offset: number) => counter.linePos(offset).line;
  const spanOf = (node: Node | Pair): SourceSpan => {
    const start = isPair(node) ? (node.key as Node | null)?.range?.[0] : node.range?.[0];
    const end = isPair(node) ? (node.value as Node | null)?.range?.[1] : node.range?.[1];
    const from = line(start ?? 0);
    // a node's value ends at the newline after it: the line of its last character
    return { file, startLine: from, endLine: Math.max(from, line(Math.max(0, (end ?? 0) - 1))) };
  };
  const root = doc.contents as Node | null;
  if (!isMap(root)) throw new UserError('is not a CloudFormation template (no top-level mapping)', { file });
  const resourcesNode = field(root, 'Resources');
  if (!isMap(resourcesNode))
    throw new UserError('is not a CloudFormation template (no Resources mapping)', {
      file,
      field: 'Resources',
    });
  const resources: TemplateResource[] = [];
  for (const [logicalId, node, pair] of entries(resourcesNode)) {
    const typeNode = field(node, 'Type');
    const type = isScalar(typeNode) ? typeNode.value : undefined;
    if (typeof type !== 'string') {
      throw new UserError(`resource ${logicalId} has no Type`, {
        file,
        line: spanOf(pair).startLine,
        field: `Resources.${logicalId}.Type`,
      });
    }
    const conditionNode = field(node, 'Condition');
    const properties = field(node, 'Properties');
    resources.push({
      logicalId,
      type,
      properties,
      condition: isScalar(conditionNode) ? String(conditionNode.value) : undefined,
      span: spanOf(pair),
      propertySpans: Object.fromEntries(entries(properties).map(([key, , p]) => [key, spanOf(p)])),
    });
  }
  return {
    file,
    lines: text.split('\n'),
    parameters: new Map(entries(field(root, 'Parameters')).map(([name, node, p]) => [name, { node, span: spanOf(p) }])),
    mappings: field(root, 'Mappings'),
    conditions: new Map(entries(field(root, 'Conditions')).map(([name, node]) => [name, node])),
    resources,
    spanOf,
  };
}
