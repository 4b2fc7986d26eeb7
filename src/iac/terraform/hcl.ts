import { createRequire } from 'node:module';
import type { Node, Parser as ParserType, TreeCursor } from 'web-tree-sitter';
import { UserError } from '../../errors.ts';
import type { SourceSpan } from '../values.ts';

/**
 * Unnamed tokens the evaluator reads (operators); every other unnamed token (`{`, `=`, quotes) and every comment is
 * left out of the copied tree.
 */
const KEPT_TOKENS = new Set(['==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '&&', '||', '!']);

/** The children of a leaf: one shared array, not one per token (a repository holds millions of nodes). */
const NO_CHILDREN: readonly HclNode[] = Object.freeze([]);

/**
 * A syntax node of the Terraform grammar, copied out of tree-sitter's WASM memory: the tree-sitter tree is deleted
 * as soon as a file is read, so a repository of thousands of files never holds more than one tree there (WASM memory
 * only grows). Text is sliced from the file's source on demand. Kept small (children arrays of their exact length,
 * leaves sharing one empty array): a root's nodes live until its last file is read, long enough to reach V8's old
 * generation, whose garbage is what the peak RSS of a large repository was made of.
 */
export class HclNode {
  private named: readonly HclNode[] | undefined;

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    private readonly source: string,
    /** offsets into the file's text (UTF-16 code units, as JavaScript strings count) */
    readonly startIndex: number,
    readonly endIndex: number,
    /** 0-based rows, as tree-sitter counts them */
    readonly startRow: number,
    readonly endRow: number,
    readonly children: readonly HclNode[],
    /** the grammar's field name of this node in its parent (`key`, `val` of an object element) */
    readonly field: string | undefined,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  /** The file's text between two offsets (the gaps between child nodes). */
  slice(from: number, to: number): string {
    return this.source.slice(from, to);
  }

  get namedChildren(): readonly HclNode[] {
    this.named ??= this.children.every((c) => c.isNamed) ? this.children : this.children.filter((c) => c.isNamed);
    return this.named;
  }

  childForFieldName(name: string): HclNode | undefined {
    return this.children.find((c) => c.field === name);
  }
}

/** Copies the node under the cursor and its subtree (a cursor walk: one WASM call per step, no node objects). */
function copyTree(cursor: TreeCursor, source: string, field: string | undefined): HclNode {
  const type = cursor.nodeType;
  const isNamed = cursor.nodeIsNamed;
  const startIndex = cursor.startIndex;
  const endIndex = cursor.endIndex;
  const startRow = cursor.startPosition.row;
  const endRow = cursor.endPosition.row;
  let children = NO_CHILDREN;
  if (cursor.gotoFirstChild()) {
    const copied: HclNode[] = [];
    do {
      const named = cursor.nodeIsNamed;
      const childType = cursor.nodeType;
      if (named ? childType === 'comment' : !KEPT_TOKENS.has(childType)) continue;
      copied.push(copyTree(cursor, source, cursor.currentFieldName ?? undefined));
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
    // slice(): the pushes left spare capacity behind the elements, which would live as long as the node
    if (copied.length > 0) children = copied.slice();
  }
  return new HclNode(type, isNamed, source, startIndex, endIndex, startRow, endRow, children, field);
}

export interface HclAttribute {
  name: string;
  expression: HclNode;
  span: SourceSpan;
}

export interface HclBlock {
  type: string;
  labels: string[];
  body: HclBody;
  span: SourceSpan;
}

export interface HclBody {
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

export interface HclFile {
  file: string;
  body: HclBody;
  /** the source lines, for inline acceptance comments */
  lines: string[];
}

let parser: Promise<ParserType> | undefined;

/** tree-sitter's WASM runtime and the Terraform dialect of the HCL grammar, both shipped inside npm packages. */
async function terraformParser(): Promise<ParserType> {
  parser ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const require = createRequire(import.meta.url);
    const language = await Language.load(
      require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'),
    );
    const created = new Parser();
    created.setLanguage(language);
    return created;
  })();
  return parser;
}

export function spanOf(file: string, node: HclNode): SourceSpan {
  return { file, startLine: node.startRow + 1, endLine: node.endRow + 1 };
}

/** The text of a block label or quoted key (`"aws_s3_bucket"` → `aws_s3_bucket`). */
function labelText(node: HclNode): string {
  if (node.type === 'identifier') return node.text;
  return node.namedChildren
    .filter((c) => c.type === 'template_literal')
    .map((c) => c.text)
    .join('');
}

function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
  if (!node.hasError) return undefined;
  for (const child of node.children) {
    const found = child ? firstError(child) : undefined;
    if (found) return found;
  }
  return node;
}

function readBody(file: string, node: HclNode): HclBody {
  const body: HclBody = { attributes: new Map(), blocks: [] };
  for (const child of node.namedChildren) {
    if (child.type === 'attribute') {
      const name = child.namedChildren[0]?.text ?? '';
      const expression = child.namedChildren[1];
      if (expression) body.attributes.set(name, { name, expression, span: spanOf(file, child) });
    } else if (child.type === 'block') {
      const parts = child.namedChildren;
      const type = parts[0]?.text ?? '';
      const labels = parts.slice(1).filter((c) => c.type === 'string_lit' || c.type === 'identifier');
      const inner = parts.find((c) => c.type === 'body');
      body.blocks.push({
        type,
        labels: labels.map(labelText),
        body: inner ? readBody(file, inner) : { attributes: new Map(), blocks: [] },
        span: spanOf(file, child),
      });
    }
  }
  return body;
}

/** Parses one `.tf` or `.tfvars` file; a syntax error is a UserError naming the file and line. */
export async function parseHcl(file: string, text: string): Promise<HclFile> {
  const tree = (await terraformParser()).parse(text);
  if (!tree) throw new UserError('cannot parse', { file });
  let root: HclNode;
  try {
    const bad = firstError(tree.rootNode);
    if (bad) {
      const near = bad.text.split('\n')[0]?.slice(0, 40) ?? '';
      throw new UserError(`HCL syntax error${near ? ` near "${near}"` : ''}`, {
        file,
        line: bad.startPosition.row + 1,
        column: bad.startPosition.column + 1,
      });
    }
    const cursor = tree.walk();
    try {
      root = copyTree(cursor, text, undefined);
    } finally {
      // WASM memory is not garbage-collected: a cursor left behind by an exception would stay for the process
      cursor.delete();
    }
  } finally {
    tree.delete();
  }
  const body = root.namedChildren.find((c) => c.type === 'body');
  return { file, body: body ? readBody(file, body) : { attributes: new Map(), blocks: [] }, lines: text.split('\n') };
}
