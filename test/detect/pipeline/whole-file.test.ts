/**
 * The whole-file fast path (one gunzip and one JSON.parse per log file, records matched as objects) must give what
 * the record splitter and matchRaw give on the same bytes: the same alerts in the same order, the same events, bad
 * records and first bad record. Property: over generated log files, clean and hostile (a duplicate "Records" key, a
 * wrapper key besides it, records that are not objects or lack eventName/eventTime, \u-escaped names, duplicate keys
 * in a record, broken JSON, damaged or padded gzip, invalid UTF-8, a BOM, other layouts), both paths agree; and the
 * fast path is really taken for the clean files CloudTrail writes.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadRules, type Matcher } from '../../../src/detect/engine/index.ts';
import type { TaskResult } from '../../../src/detect/pipeline/task-result.ts';
import { runTask } from '../../../src/detect/pipeline/task.ts';
import { matchWholeFile } from '../../../src/detect/pipeline/whole-file.ts';
import { seededRandom } from '../../support/seeded-random.ts';
import { stratusRecords } from './support/cloudtrail-data.ts';

const rules = await loadRules({ builtin: true, files: [] });
/** the splitter's path: a matcher that cannot take parsed records */
function splitterOnly(): Matcher {
  const matcher = compileMatcher(rules);
  return { ruleCount: matcher.ruleCount, matchRaw: (text, members) => matcher.matchRaw(text, members) };
}

const records = stratusRecords();

/** what a user sees of a run: `matched` is left out, it counts rules evaluated and the paths pre-filter differently */
function seen(result: TaskResult) {
  const { matched: _matched, ...rest } = result;
  return rest;
}

async function both(data: Uint8Array) {
  const fast = await runTask({ kind: 'bytes', data }, compileMatcher(rules), { strict: false });
  const slow = await runTask({ kind: 'bytes', data }, splitterOnly(), { strict: false });
  return { fast: seen(fast), slow: seen(slow), taken: matchWholeFile(data, compileMatcher(rules)) !== undefined };
}

/** edits of a compact log file; `giveWay`: the splitter could see the result differently, the fast path must not run */
const HOSTILE: { giveWay: boolean; edit: (text: string, rnd: () => number) => string | Buffer }[] = [
  { giveWay: true, edit: (t) => t.replace('{"Records":', '{"Records":[],"Records":') },
  { giveWay: true, edit: (t) => t.replace(/\}$/, ',"Other":{"Records":[]}}') },
  { giveWay: true, edit: (t) => t.replace(/\]\}$/, '],"digest":1}') },
  { giveWay: true, edit: (t) => t.replace('{"Records":[', '{"Records":[7,') },
  { giveWay: true, edit: (t) => t.replace('{"Records":[', '{"Records":[null,') },
  { giveWay: true, edit: (t) => t.replace('{"Records":[', '{"Records":[[],') },
  { giveWay: true, edit: (t) => t.replace('{"Records":[', '{"Records":[{"eventName":"StopLogging"},') },
  { giveWay: true, edit: (t) => t.replace('{"Records":[', '{"Records":[{"eventTime":"2024-01-01T00:00:00Z"},') },
  { giveWay: true, edit: (t) => t.replace('"eventTime":"', '"eventTime":"\u0001') },
  { giveWay: true, edit: (t) => `\uFEFF${t}` },
  {
    giveWay: true,
    edit: (t) => Buffer.concat([Buffer.from(t.slice(0, 200)), Buffer.from([0xc3, 0x28]), Buffer.from(t.slice(200))]),
  },
  { giveWay: true, edit: (t) => `${t}\n${t}` },
  {
    giveWay: true,
    edit: (t) => (JSON.parse(t) as { Records: unknown[] }).Records.map((r) => JSON.stringify(r)).join('\n'),
  },
  { giveWay: true, edit: (t) => JSON.stringify((JSON.parse(t) as { Records: unknown[] }).Records) },
  // the parsed record is the truth on both paths
  { giveWay: false, edit: (t) => t.replace('"eventName"', '"\\u0065ventName"') },
  { giveWay: false, edit: (t) => t.replace('"eventName":"', '"eventName":"StopLogging","eventName":"') },
  { giveWay: false, edit: (t) => t.split('},{').join('},\n{') },
  {
    giveWay: false,
    edit: (t, rnd) => {
      const at = Math.floor(rnd() * t.length);
      return t.slice(0, at) + t.slice(at + 1);
    },
  },
];

/** compact, as CloudTrail writes it (the hostile edits expect that), or indented */
function logFile(rnd: () => number, indent = 0): string {
  const picked = records.filter(() => rnd() < 0.3);
  return JSON.stringify({ Records: picked.length > 0 ? picked : records.slice(0, 3) }, null, indent);
}

describe('the whole-file fast path', () => {
  it('takes clean log files, plain, gzip and multi-member gzip, with the alerts of the splitter', async () => {
    const rnd = seededRandom(15);
    for (let i = 0; i < 20; i++) {
      const text = logFile(rnd, i % 4 === 0 ? 2 : 0);
      const gz = gzipSync(text);
      for (const data of [
        Buffer.from(text),
        gz,
        Buffer.concat([gzipSync(text.slice(0, 100)), gzipSync(text.slice(100))]),
      ]) {
        const { fast, slow, taken } = await both(data);
        expect(taken).toBe(true);
        expect(fast).toEqual(slow);
      }
    }
    const all = await both(gzipSync(JSON.stringify({ Records: records })));
    expect(all.fast.alerts.length).toBeGreaterThan(30);
    expect(all.fast).toEqual(all.slow);
  });

  it('gives way to the splitter on hostile files, which then decide alone', async () => {
    const rnd = seededRandom(16);
    for (let i = 0; i < HOSTILE.length * 4; i++) {
      const { giveWay, edit } = HOSTILE[i % HOSTILE.length]!;
      const out = edit(logFile(rnd), rnd);
      const bytes = typeof out === 'string' ? Buffer.from(out) : out;
      for (const data of [bytes, gzipSync(bytes)]) {
        const { fast, slow, taken } = await both(data);
        expect(fast).toEqual(slow);
        if (giveWay) expect(taken, `hostile edit ${i % HOSTILE.length}`).toBe(false);
      }
    }
  });

  it('gives way on damaged gzip: truncated, bytes after it, zero padding', async () => {
    const gz = gzipSync(logFile(seededRandom(17)));
    for (const data of [
      gz.subarray(0, gz.length - 9),
      Buffer.concat([gz, Buffer.from('not gzip')]),
      Buffer.concat([gz, Buffer.alloc(16)]),
    ]) {
      const { fast, slow, taken } = await both(data);
      expect(taken).toBe(false);
      expect(fast).toEqual(slow);
    }
  });
});
