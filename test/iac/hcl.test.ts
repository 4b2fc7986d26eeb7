import { describe, expect, it } from 'vitest';
import { evaluateValue } from '../../src/iac/terraform/expressions.ts';
import { parseHcl } from '../../src/iac/terraform/hcl.ts';
import { Unknown, type Value } from '../../src/iac/values.ts';

/** `x = EXPR` in a file of its own, evaluated with no variables in scope. */
async function value(expression: string): Promise<Value> {
  const file = await parseHcl('t.tf', `# a comment first\nx = ${expression}\n`);
  const attribute = file.body.attributes.get('x');
  if (!attribute) throw new Error('no attribute');
  return evaluateValue(attribute.expression, { file: 't.tf', root: () => undefined });
}

// the syntax tree is copied out of tree-sitter (comments and punctuation left out): operators, text slices and
// positions must survive the copy
describe('HCL expressions on the copied syntax tree', () => {
  it.each<[string, Value]>([
    ['1 + 2 * 3', 7],
    ['10 - 4 - 3', 3],
    ['-5', -5],
    ['!true', false],
    ['2 >= 2 && 1 != 2', true],
    ['"héllo ☃ ${"wörld"}"', 'héllo ☃ wörld'],
    ['{ "clé" = "värde", plain = 1 }', { clé: 'värde', plain: 1 }],
    ['[for s in ["a", "b"] : upper(s) /* c */ if s != "b"]', ['A']],
    ['{ for k, v in { a = 1, b = 2 } : v => k }', { '1': 'a', '2': 'b' }],
    ['[{ n = 1 }, { n = 2 }][*].n', [1, 2]],
    ['true ? "yes" : "no"', 'yes'],
    ['jsonencode({ a = [1, "ü"] })', '{"a":[1,"ü"]}'],
    ['<<-EOT\n    indented ☃\n      more\n    EOT', 'indented ☃\n  more\n'],
    ['<<EOT\n  a ${"b"} c\nEOT', '  a b c\n'],
    ['"a $${x} ${"b"}  "', 'a ${x} b  '],
  ])('%s', async (expression, expected) => {
    expect(await value(expression)).toEqual(expected);
  });

  it('keeps the line of every block and attribute after the copy', async () => {
    const file = await parseHcl('t.tf', '# ☃☃☃\n\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n');
    const block = file.body.blocks[0];
    expect(block?.labels).toEqual(['aws_s3_bucket', 'b']);
    expect(block?.span).toEqual({ file: 't.tf', startLine: 3, endLine: 5 });
    expect(block?.body.attributes.get('bucket')?.span).toEqual({ file: 't.tf', startLine: 4, endLine: 4 });
  });

  it('names an undefined variable with its line', async () => {
    const v = await value('var.missing');
    expect(v).toBeInstanceOf(Unknown);
    expect((v as Unknown).why).toMatch(/t\.tf:2/);
  });
});
