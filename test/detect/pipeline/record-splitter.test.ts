import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RecordSplitter, type RecordPlace } from '../../../src/detect/pipeline/record-splitter.ts';

const stratusDir = new URL('../../fixtures/third-party/stratus-red-team/', import.meta.url);
const stratus: Record<string, unknown>[] = readdirSync(stratusDir)
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, stratusDir), 'utf8')) as Record<string, unknown>[]);

interface Split {
  records: { text: string; place: RecordPlace }[];
  problems: { reason: string; place: RecordPlace }[];
}

function split(input: string, chunkSize = input.length || 1): Split {
  const out: Split = { records: [], problems: [] };
  const splitter = new RecordSplitter({
    record: (text, place) => out.records.push({ text, place }),
    problem: (reason, place) => out.problems.push({ reason, place }),
  });
  for (let i = 0; i < input.length; i += chunkSize) splitter.push(input.slice(i, i + chunkSize));
  splitter.end();
  return out;
}

const parsed = (s: Split): unknown[] => s.records.map((r) => JSON.parse(r.text));

describe('RecordSplitter', () => {
  it('cuts a compact CloudTrail log file into the exact record texts, whatever the chunk boundaries', () => {
    const file = JSON.stringify({ Records: stratus });
    for (const size of [file.length, 65536, 4096, 7, 1]) {
      const result = split(file, size);
      expect(result.problems).toEqual([]);
      expect(result.records).toHaveLength(stratus.length);
      expect(parsed(result)).toEqual(stratus);
    }
    expect(split(file).records[3]!.text).toBe(JSON.stringify(stratus[3]));
  });

  it('handles pretty-printed files, a bare array, quotes, escapes and brackets inside strings', () => {
    const tricky = [
      { eventName: 'PutBucketPolicy', eventTime: 't', requestParameters: { policy: '{"a":["}",{"b":"\\"]"}]}' } },
      { eventName: 'X\\', eventTime: '\\"{', note: 'ends with a backslash\\' },
      { eventName: '日本語 ✓', eventTime: 'u', s: '\u2028\n\t' },
    ];
    for (const text of [
      JSON.stringify({ Records: tricky }, null, 2),
      JSON.stringify(tricky, null, 3),
      JSON.stringify(tricky),
    ]) {
      for (const size of [1, 3, 1000]) {
        const result = split(text, size);
        expect(result.problems).toEqual([]);
        expect(parsed(result)).toEqual(tricky);
      }
    }
  });

  it('reads several concatenated log files, keys after Records, and an empty Records array', () => {
    const a = JSON.stringify({ Records: stratus.slice(0, 2) });
    const b = JSON.stringify({ Records: [], digest: { x: [1, { y: 2 }] } });
    const c = `{ "Records" : [ ${JSON.stringify(stratus[2])} ] , "extra": "]}" }`;
    const result = split(`${a}\n${b}${c}`, 5);
    expect(result.problems).toEqual([]);
    expect(parsed(result)).toEqual(stratus.slice(0, 3));
    expect(result.records.map((r) => r.place.index)).toEqual([0, 1, 2]);
  });

  it('reads JSON Lines with line numbers, and an invalid line is one record that does not swallow the next', () => {
    const lines = [
      JSON.stringify(stratus[0]),
      '',
      '{"eventName": "Broken", "eventTime": ',
      JSON.stringify(stratus[1]),
      '{"not":"cloudtrail"}',
    ];
    const result = split(`${lines.join('\r\n')}\n`, 9);
    expect(result.problems).toEqual([
      { reason: expect.stringMatching(/^invalid JSON \(/), place: { index: 1, line: 3 } },
    ]);
    expect(result.records.map((r) => r.place)).toEqual([
      { index: 0, line: 1 },
      { index: 2, line: 4 },
      { index: 3, line: 5 },
    ]);
    expect(JSON.parse(result.records[1]!.text)).toEqual(stratus[1]);
  });

  it('reads pretty-printed records one after another with their starting line', () => {
    const text = `\n${JSON.stringify(stratus[0], null, 2)}\n${JSON.stringify(stratus[1], null, 2)}\n`;
    const result = split(text, 64);
    expect(parsed(result)).toEqual(stratus.slice(0, 2));
    expect(result.records[0]!.place.line).toBe(2);
    expect(result.records[1]!.place.line).toBe(3 + JSON.stringify(stratus[0], null, 2).split('\n').length - 1);
  });

  it('reports a truncated log file after keeping every complete record', () => {
    const file = JSON.stringify({ Records: stratus.slice(0, 5) });
    const cut = file.slice(0, file.indexOf(JSON.stringify(stratus[4])) + 30);
    const result = split(cut, 100);
    expect(parsed(result)).toEqual(stratus.slice(0, 4));
    expect(result.problems).toEqual([
      { reason: 'unexpected end of input inside this record (truncated file?)', place: { index: 4 } },
    ]);
    const unclosed = split(file.slice(0, file.length - 2));
    expect(unclosed.records).toHaveLength(5);
    expect(unclosed.problems.map((p) => p.reason)).toEqual([
      'unexpected end of input: the Records array is not closed (truncated file?)',
    ]);
  });

  it('reports elements that are not objects and goes on', () => {
    const result = split(
      `{"Records":[${JSON.stringify(stratus[0])}, 42, "a,]", [1,[2]], null, ${JSON.stringify(stratus[1])}]}`,
      3,
    );
    expect(parsed(result)).toEqual(stratus.slice(0, 2));
    expect(result.records.map((r) => r.place.index)).toEqual([0, 5]);
    expect(result.problems.map((p) => p.reason)).toEqual([
      'not a JSON object (42)',
      'not a JSON object ("a,]")',
      'not a JSON object ([1,[2]])',
      'not a JSON object (null)',
    ]);
  });

  it('reports text that is not JSON once, and reads on from the next record start', () => {
    const page = '<html>\n<body>AccessDenied</body>\n</html>\n';
    const result = split(page);
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([
      {
        reason: 'not JSON: unexpected "<html> <body>AccessD" where a CloudTrail log file or record should start',
        place: { index: 0, line: 1 },
      },
    ]);
    const then = split(`${page}{"eventName":"x"}\n`, 5);
    expect(then.problems).toHaveLength(1);
    expect(then.records).toEqual([{ text: '{"eventName":"x"}', place: { index: 1, line: 4 } }]);
    expect(split('').problems).toEqual([]);
  });
});
