import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FindingsScanError, findingsArrayElements } from '../../src/vulns/findings-array-scanner.ts';
import { FINDINGS_FILE } from './inspector-fixtures.ts';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function scan(text: string, size = 1 << 16) {
  const elements = [];
  for await (const element of findingsArrayElements(chunked(text, size))) elements.push(element);
  return elements;
}

async function problem(text: string): Promise<string | undefined> {
  try {
    await scan(text);
  } catch (error) {
    if (error instanceof FindingsScanError) return `${error.problem}@${error.line}`;
    throw error;
  }
  return undefined;
}

describe('findings array scanner', () => {
  const fixture = readFileSync(FINDINGS_FILE, 'utf8');
  const expected = (JSON.parse(fixture) as { findings: unknown[] }).findings;

  it.each([1, 2, 3, 7, 64, 4096, 1 << 20])('yields every finding whole whatever the chunk size (%i)', async (size) => {
    const elements = await scan(fixture, size);
    expect(elements.map((e) => JSON.parse(e.text))).toEqual(expected);
    expect(elements.map((e) => e.index)).toEqual(expected.map((_, i) => i));
  });

  it('names the line each finding starts on', async () => {
    const text = '{\n  "nextToken": null,\n  "findings": [\n    {"a": 1},\n\n    {"b": "x,]}"}\n  ]\n}\n';
    const elements = await scan(text, 5);
    expect(elements.map((e) => [e.line, e.text])).toEqual([
      [4, '{"a": 1}'],
      [6, '{"b": "x,]}"}'],
    ]);
  });

  it('is not fooled by brackets, commas, quotes and a "findings" key inside strings or nested objects', async () => {
    const text = JSON.stringify({
      note: 'a "findings": [1, 2] lookalike, with \\ and ] and }',
      'find\\"ings': [{ x: 1 }],
      nested: { findings: [{ wrong: true }] },
      findings: [{ title: 'has "quotes", [brackets] and {braces}\nand a newline' }, { title: 'é ✓ \u2028' }],
      nextToken: 'abc',
    });
    for (const size of [1, 3, 1000]) {
      const elements = await scan(text, size);
      expect(elements.map((e) => JSON.parse(e.text))).toEqual([
        { title: 'has "quotes", [brackets] and {braces}\nand a newline' },
        { title: 'é ✓ \u2028' },
      ]);
    }
  });

  it('accepts an empty findings array', async () => {
    expect(await scan('{"findings": [], "nextToken": null}')).toEqual([]);
  });

  it('hands malformed elements on for the parser to reject', async () => {
    const elements = await scan('{"findings": [{"a": 1}, nope, 42]}');
    expect(elements.map((e) => e.text)).toEqual(['{"a": 1}', 'nope', '42']);
  });

  it.each([
    ['[{"findingArn": "x"}]', 'not-an-object@1'],
    ['\n\n"findings"', 'not-an-object@3'],
    ['', 'not-an-object@1'],
    ['{"Records": [{"eventName": "PutObject"}]}', 'no-findings-array@1'],
    ['{"nested": {"findings": []}}', 'no-findings-array@1'],
    ['{"findings": [{"awsAccountId": "1111', 'truncated@1'],
    ['{"findings": [{"a": 1}\n', 'truncated@2'],
  ])('refuses %j', async (text, expectedProblem) => {
    expect(await problem(text)).toBe(expectedProblem);
  });
});
