import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Rules dependency-cruiser cannot see, because they are about calls rather than imports: AWS SDK clients are built
 * only by the client factory (src/aws), so that every command gets the same credential chain, --profile,
 * --endpoint-url, retries and sockets; and only src/cli/main.ts ends the process.
 */

const root = new URL('../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(join(root, 'src')).map((path) => ({
  path: relative(root, path),
  source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
}));

function visit(node: ts.Node, found: (node: ts.Node) => void): void {
  found(node);
  ts.forEachChild(node, (child) => visit(child, found));
}

/** Names a file imports as values from an AWS SDK client package (`@aws-sdk/client-*`). */
function sdkImports(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (!from.startsWith('@aws-sdk/client-')) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) if (!element.isTypeOnly) names.add(element.name.text);
    }
  }
  return names;
}

/** `new X(…)` of an SDK client class, as `file:line X`. */
function clientConstructions(file: (typeof files)[number]): string[] {
  const imported = sdkImports(file.source);
  const hits: string[] = [];
  visit(file.source, (node) => {
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      imported.has(node.expression.text) &&
      node.expression.text.endsWith('Client')
    ) {
      hits.push(
        `${file.path}:${file.source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.expression.text}`,
      );
    }
  });
  return hits;
}

/** `process.exit(…)` calls and `process.exitCode` assignments, as `file:line text`. */
function exits(file: (typeof files)[number]): string[] {
  const hits: string[] = [];
  const at = (node: ts.Node) =>
    `${file.path}:${file.source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.getText()}`;
  const isProcessMember = (node: ts.Node, name: string) =>
    ts.isPropertyAccessExpression(node) &&
    node.name.text === name &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'process';
  visit(file.source, (node) => {
    if (ts.isCallExpression(node) && isProcessMember(node.expression, 'exit')) hits.push(at(node));
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      isProcessMember(node.left, 'exitCode')
    )
      hits.push(at(node));
  });
  return hits;
}

describe('source rules', () => {
  it('the rules see the code they guard (the factory builds clients, main.ts exits)', () => {
    expect(files.filter((f) => f.path.startsWith('src/aws/')).flatMap(clientConstructions).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.path === 'src/cli/main.ts').flatMap(exits).length).toBeGreaterThan(0);
  });

  it('no AWS SDK client is constructed outside the client factory (src/aws)', () => {
    expect(files.filter((f) => !f.path.startsWith('src/aws/')).flatMap(clientConstructions)).toEqual([]);
  });

  it('only src/cli/main.ts calls process.exit, and no module sets process.exitCode (commands return their exit code)', () => {
    expect(files.filter((f) => f.path !== 'src/cli/main.ts').flatMap(exits)).toEqual([]);
    expect(
      files
        .filter((f) => f.path === 'src/cli/main.ts')
        .flatMap(exits)
        .filter((hit) => hit.includes('exitCode =')),
    ).toEqual([]);
  });
});
