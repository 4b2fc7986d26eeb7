import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/detect/engine/types.ts';
import { runDetection, type DetectionUnit } from '../../../src/detect/pipeline/run-detection.ts';
import { matcherFromYaml } from '../engine/support.ts';
import { logFileText, stratusRecords, tempDir } from './support/cloudtrail-data.ts';

const RULE = `- rule: Stop
  desc: d
  condition: ct.name = "StopLogging"
  output: "%ct.name"
  priority: WARNING
  source: aws_cloudtrail
`;
const records = stratusRecords('aws.discovery.ec2-download-user-data');
const stop = { ...records[0]!, eventName: 'StopLogging', eventID: 'stop' };

async function detect(units: DetectionUnit[]) {
  const alerts: Alert[] = [];
  const problems: string[] = [];
  async function* list(): AsyncGenerator<DetectionUnit> {
    yield* units;
  }
  const stats = await runDetection(list(), {
    matcher: matcherFromYaml(RULE),
    workers: 0,
    strict: false,
    onAlert: (a) => void alerts.push(a),
    onProblem: (p) => void problems.push(p),
  });
  return { alerts, problems, stats };
}

describe('every bad record is counted, and the counts say exactly what was read', () => {
  it('counts an invalid record that no rule is indexed under (the pre-filter would skip it unparsed)', async () => {
    const dir = tempDir();
    const file = join(dir, 'trail.json');
    const bad = '{"eventVersion":"1.08","eventName":"GetObject","eventTime":"2024-07-31T13:06:24Z", oops}';
    writeFileSync(file, `{"Records":[${JSON.stringify(records[0])},${bad},${JSON.stringify(stop)}]}`);
    const { alerts, problems, stats } = await detect([{ label: file, task: { kind: 'file', path: file } }]);
    expect(stats.bad).toBe(1);
    expect(stats.events).toBe(2);
    expect(alerts.map((a) => a.eventID)).toEqual(['stop']);
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${file}: record 1: invalid JSON \\(`))]);
  });

  it('keeps every record of a gzip member followed by junk, and says after which member, at which offset, how many records', async () => {
    const dir = tempDir();
    const file = join(dir, 'trail.json.gz');
    const members = Buffer.concat([
      gzipSync(logFileText(records.slice(0, 10))),
      gzipSync(logFileText([...records.slice(10), stop])),
    ]);
    writeFileSync(file, Buffer.concat([members, Buffer.from('this is not gzip')]));
    const { alerts, problems, stats } = await detect([{ label: file, task: { kind: 'file', path: file } }]);
    expect(problems).toEqual([
      `${file}: bytes after gzip member 2 at offset ${members.length} are not gzip: ${records.length + 1} records read before it`,
    ]);
    expect(stats.events).toBe(records.length + 1);
    expect(stats.bad).toBe(1);
    expect(alerts.map((a) => a.eventID)).toEqual(['stop']);
  });

  it('stdin cut into batches: bad lines at the start, on both sides of a batch boundary, inside a chunk boundary and at the end each cost one record', async () => {
    const line = (i: number): string =>
      JSON.stringify({
        ...records[i % records.length]!,
        eventID: `e${i}`,
        ...(i % 500 === 7 ? { eventName: 'StopLogging' } : {}),
      });
    const lines = Array.from({ length: 4500 }, (_, i) => line(i));
    const badAt = [0, 1999, 2000, 3333, 4499];
    for (const at of badAt) lines[at] = `{"eventVersion":"1.08","eventName":"StopLogging","eventTime":"2024-07-31T1`;
    const text = `${lines.join('\n')}\n`;
    const inBadLine = lines.slice(0, 3333).join('\n').length + 1 + 40;
    for (const [bytes, at] of [
      [Buffer.from(text), inBadLine],
      [gzipSync(text), 20000],
    ] as const) {
      const stream = Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000, at), bytes.subarray(at)]);
      const { alerts, problems, stats } = await detect([{ label: '-', stream }]);
      expect(stats.bad).toBe(badAt.length);
      expect(stats.events).toBe(4500 - badAt.length);
      expect(alerts.map((a) => a.eventID)).toEqual(
        lines.flatMap((l, i) => (i % 500 === 7 && !badAt.includes(i) ? [`e${i}`] : [])),
      );
      // the first line names the first bad record as soon as its batch is read; the last one gives the whole count
      expect(problems).toEqual([
        expect.stringMatching(/^-: line 1: invalid JSON \(/),
        `-: ${badAt.length} bad records in this input in all`,
      ]);
    }
  });
});
