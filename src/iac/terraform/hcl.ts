import { createRequire } from 'node:module';
import type { Node, Parser as ParserType } from 'web-tree-sitter';
import { UserError } from '../../errors.ts';
import type { SourceSpan } from '../values.ts';

/** A tree-sitter syntax node of the Terraform grammar (expressions are evaluated straight from these). */
export type HclNode = Node;

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
  return { file, startLine: node.startPosition.row + 1, endLine: node.endPosition.row + 1 };
}

/** The text of a block label or quoted key (`"aws_s3_bucket"` → `aws_s3_bucket`). */
function labelText(node: HclNode): string {
  if (node.type === 'identifier') return node.text;
  return node.namedChildren
    .filter((c) => c?.type === 'template_literal')
    .map((c) => c?.text ?? '')
    .join('');
}

function firstError(node: HclNode): HclNode | undefined {
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
    if (!child) continue;
    if (child.type === 'attribute') {
      const name = child.namedChildren[0]?.text ?? '';
      const expression = child.namedChildren[1];
      if (expression) body.attributes.set(name, { name, expression, span: spanOf(file, child) });
    } else if (child.type === 'block') {
      const parts = child.namedChildren.filter((c): c is HclNode => c !== null);
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
  const root = tree.rootNode;
  const bad = firstError(root);
  if (bad) {
    const near = bad.text.split('\n')[0]?.slice(0, 40) ?? '';
    throw new UserError(`HCL syntax error${near ? ` near "${near}"` : ''}`, {
      file,
      line: bad.startPosition.row + 1,
      column: bad.startPosition.column + 1,
    });
  }
  const body = root.namedChildren.find((c) => c?.type === 'body');
  return { file, body: body ? readBody(file, body) : { attributes: new Map(), blocks: [] }, lines: text.split('\n') };
}
