import { describe, expect, it } from 'vitest';
import { RecordSplitter, type RecordPlace } from '../../../src/detect/pipeline/record-splitter.ts';
import { stratusRecords } from './support/cloudtrail-data.ts';

const good = stratusRecords('aws.discovery.ec2-download-user-data').slice(0, 5);

/** Broken records of every kind: a bad token, a missing value, unclosed braces, a cut string, not JSON at all. */
const BAD = {
  'bad literal': '{"eventVersion":"1.08","eventName":"StopLogging","eventTime":tru}',
  'double comma': '{"eventVersion":"1.08","eventName":"StopLogging",,"eventTime":"2024-07-31T13:06:24Z"}',
  'raw control character': '{"eventVersion":"1.08","eventName":"Stop\tLogging","eventTime":"2024-07-31T13:06:24Z"}',
  'bad escape': '{"eventVersion":"1.08","eventName":"StopLogging","eventTime":"2024\\x"}',
  'unclosed braces': '{"eventVersion":"1.08","eventName":"StopLogging","requestParameters":{"name":"x"',
  'cut in a string': '{"eventVersion":"1.08","eventName":"StopLogging","eventTime":"2024-07-31T1',
  'not JSON': 'ERROR: disk full',
};

type Layout = 'json lines' | 'Records' | 'bare array' | 'pretty-printed, one after another';
const LAYOUTS: Layout[] = ['json lines', 'Records', 'bare array', 'pretty-printed, one after another'];

/** The records in a layout, with `bad` (as is) at position `at`; and the place the splitter should name. */
function build(layout: Layout, bad: string, at: number): { text: string; place: RecordPlace } {
  const texts = good.map((r) =>
    layout === 'pretty-printed, one after another' ? JSON.stringify(r, null, 2) : JSON.stringify(r),
  );
  texts.splice(at, 0, bad);
  switch (layout) {
    case 'json lines':
      return { text: `${texts.join('\n')}\n`, place: { index: at, line: at + 1 } };
    case 'Records':
      return { text: `{"Records":[${texts.join(',')}]}`, place: { index: at } };
    case 'bare array':
      return { text: `[${texts.join(',\n')}]`, place: { index: at } };
    case 'pretty-printed, one after another': {
      const line = texts.slice(0, at).reduce((n, t) => n + t.split('\n').length, 1);
      return { text: `${texts.join('\n')}\n`, place: { index: at, line } };
    }
  }
}

function split(
  text: string,
  chunk: number,
): { records: unknown[]; problems: { reason: string; place: RecordPlace }[] } {
  const out = { records: [] as unknown[], problems: [] as { reason: string; place: RecordPlace }[] };
  const splitter = new RecordSplitter({
    record: (t) => out.records.push(JSON.parse(t)),
    problem: (reason, place) => out.problems.push({ reason, place }),
  });
  for (let i = 0; i < text.length; i += chunk) splitter.push(text.slice(i, i + chunk));
  splitter.end();
  return out;
}

describe('a bad record costs that record only, wherever it is', () => {
  for (const layout of LAYOUTS) {
    for (const [kind, bad] of Object.entries(BAD)) {
      it(`${layout}: ${kind}, at the start, in the middle, at the end, whatever the chunk size`, () => {
        for (const at of [0, 2, good.length]) {
          const { text, place } = build(layout, bad, at);
          for (const chunk of [text.length, 1000, 64, 7]) {
            const result = split(text, chunk);
            const where = `${layout} / ${kind} / at ${at} / chunks of ${chunk}`;
            expect(result.records, where).toEqual(good);
            expect(result.problems[0]?.place, where).toEqual(place);
            // a bad last record of an array can also leave the array unclosed: that is said too, nothing else
            const most = at === good.length && (layout === 'Records' || layout === 'bare array') ? 2 : 1;
            expect(result.problems.length, where).toBeGreaterThanOrEqual(1);
            expect(result.problems.length, where).toBeLessThanOrEqual(most);
          }
        }
      });
    }
  }
});
