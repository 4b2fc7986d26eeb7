import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/detect/engine/types.ts';
import {
  runDetection,
  type DetectionOptions,
  type DetectionUnit,
  type UnitOutcome,
} from '../../../src/detect/pipeline/run-detection.ts';
import { UserError } from '../../../src/errors.ts';
import { stratusRecords, tempDir, truncatedGzip, writeLogFile } from './support/cloudtrail-data.ts';
import { fakeMatcher, fakeRecipe } from './support/fake-matcher.ts';

const watched = [
  'StopLogging',
  'DeleteTrail',
  'CreateUser',
  'PutEventSelectors',
  'GetPasswordData',
  'AttachUserPolicy',
  'CreateAccessKey',
];
const all = stratusRecords();
const expectedIds = (records: typeof all) => records.filter((r) => watched.includes(r.eventName)).map((r) => r.eventID);

async function* unitsOf(list: DetectionUnit[]): AsyncGenerator<DetectionUnit> {
  yield* list;
}

async function detect(units: DetectionUnit[], extra: Partial<DetectionOptions> = {}) {
  const alerts: Alert[] = [];
  const problems: string[] = [];
  const stats = await runDetection(unitsOf(units), {
    matcher: fakeMatcher({ alertOn: watched }),
    workers: 0,
    strict: false,
    onAlert: (a) => void alerts.push(a),
    onProblem: (p) => void problems.push(p),
    ...extra,
  });
  return { alerts, problems, stats };
}

const fileUnit = (path: string, settle?: DetectionUnit['settle']): DetectionUnit => ({
  label: path,
  task: { kind: 'file', path },
  settle,
});

describe('runDetection', () => {
  const dir = tempDir();
  const parts = [all.slice(0, 100), all.slice(100, 220), all.slice(220)];
  const files = [
    writeLogFile(join(dir, 'a.json.gz'), parts[0]!),
    writeLogFile(join(dir, 'b.json'), parts[1]!),
    join(dir, 'c.jsonl'),
  ];
  writeFileSync(files[2]!, parts[2]!.map((r) => JSON.stringify(r)).join('\n'));

  it('matches every record of gzip, plain and JSON Lines files, alerts in input order, with stats', async () => {
    const settled: UnitOutcome[] = [];
    const { alerts, problems, stats } = await detect(files.map((f) => fileUnit(f, (o) => void settled.push(o))));
    expect(problems).toEqual([]);
    expect(alerts.map((a) => a.eventID)).toEqual(expectedIds(all));
    expect(alerts.length).toBeGreaterThan(5);
    expect(stats).toMatchObject({
      events: all.length,
      matched: alerts.length,
      alerts: alerts.length,
      bad: 0,
      files: 3,
    });
    expect(settled).toEqual([
      { complete: true, bad: 0 },
      { complete: true, bad: 0 },
      { complete: true, bad: 0 },
    ]);
    expect(stats.format()).toMatch(
      new RegExp(
        `^detect: ${all.length} events read, ${alerts.length} matched, ${alerts.length} alerts, 0 bad records, 3 files, \\d+\\.\\d\\d s \\(\\d+ events/s\\)$`,
      ),
    );
  });

  it('gives the same alerts in the same order on two worker threads', async () => {
    const { alerts, stats } = await detect(
      files.flatMap((f) => [fileUnit(f), fileUnit(f)]),
      { workers: 2, workerThresholdBytes: 0, recipe: fakeRecipe(watched) },
    );
    const once = expectedIds(all);
    const ids = [
      ...expectedIds(parts[0]!),
      ...expectedIds(parts[0]!),
      ...expectedIds(parts[1]!),
      ...expectedIds(parts[1]!),
      ...expectedIds(parts[2]!),
      ...expectedIds(parts[2]!),
    ];
    expect(alerts.map((a) => a.eventID)).toEqual(ids);
    expect(stats.events).toBe(2 * all.length);
    expect(once.length * 2).toBe(ids.length);
  });

  it('counts bad input, reports it once per input with its place, and keeps the valid records', async () => {
    const bad = tempDir();
    const truncated = join(bad, 'truncated.json.gz');
    writeFileSync(truncated, truncatedGzip(all.slice(0, 60)));
    const lines = join(bad, 'lines.jsonl');
    const noName = { ...all[0], eventName: undefined };
    writeFileSync(
      lines,
      [
        JSON.stringify(all[1]),
        '{"eventName": "StopLogging", oops',
        JSON.stringify(noName),
        JSON.stringify(all[2]),
      ].join('\n'),
    );
    const notCloudTrail = join(bad, 'package.json');
    writeFileSync(notCloudTrail, JSON.stringify({ name: 'x', version: '1.0.0' }, null, 2));
    const good = writeLogFile(join(bad, 'good.json'), all.slice(0, 10));
    const settled: UnitOutcome[] = [];
    const { problems, stats } = await detect([
      fileUnit(truncated, (o) => void settled.push(o)),
      fileUnit(lines),
      fileUnit(notCloudTrail),
      fileUnit(join(bad, 'missing.json.gz'), (o) => void settled.push(o)),
      { label: 's3://b/k.json.gz', failure: 'GetObject AccessDenied: Access Denied' },
      fileUnit(good),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(`^${truncated}: truncated gzip \\(unexpected end of file\\); the records before it were read$`),
      ),
      `${lines}: line 2: invalid JSON (${jsonError('{"eventName": "StopLogging", oops')}) (2 bad records in this input)`,
      `${notCloudTrail}: line 1: record has no eventName`,
      expect.stringMatching(new RegExp(`^${bad}/missing.json.gz: read error: ENOENT: no such file or directory`)),
      's3://b/k.json.gz: GetObject AccessDenied: Access Denied',
    ]);
    expect(stats.bad).toBe(1 + 2 + 1 + 1 + 1);
    expect(stats.events).toBeGreaterThan(10 + 2 + 1);
    expect(settled).toEqual([
      { complete: true, bad: 1 },
      { complete: false, bad: 1 },
    ]);
  });

  it('--strict: the first bad record is fatal, with its place', async () => {
    const bad = tempDir();
    const lines = join(bad, 'lines.jsonl');
    writeFileSync(
      lines,
      [JSON.stringify(all[0]), '{"eventTime": "2024-01-01T00:00:00Z"}', JSON.stringify(all[1])].join('\n'),
    );
    const run = detect([fileUnit(lines), fileUnit(files[0]!)], { strict: true });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(
      `${lines}: line 2: record has no eventName (--strict: stopping at the first bad record)`,
    );
  });

  it('cuts a stream (stdin) into batches, gzip or not, and matches them on the workers in order', async () => {
    const text = all.map((r) => JSON.stringify(r)).join('\n');
    const big = Array.from({ length: 12 }, () => text).join('\n'); // > one batch
    for (const [bytes, workers] of [
      [Buffer.from(big), 2],
      [gzipSync(big), 0],
    ] as const) {
      const stream = Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]);
      const { alerts, stats, problems } = await detect([{ label: '-', stream }], {
        workers,
        workerThresholdBytes: 0,
        recipe: fakeRecipe(watched),
      });
      expect(problems).toEqual([]);
      expect(stats.events).toBe(12 * all.length);
      expect(alerts.map((a) => a.eventID)).toEqual(Array.from({ length: 12 }, () => expectedIds(all)).flat());
      expect(stats.files).toBe(1);
    }
  });

  it('drops alerts outside --since/--until but still counts the events', async () => {
    const { alerts, stats } = await detect([fileUnit(files[0]!)], { keepAlert: (a) => a.eventName === 'StopLogging' });
    expect(alerts.map((a) => a.eventName)).toEqual(
      expectedIds(parts[0]!)
        .map(() => 'StopLogging')
        .slice(0, alerts.length),
    );
    expect(stats.alerts).toBe(alerts.length);
    expect(stats.events).toBe(100);
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
