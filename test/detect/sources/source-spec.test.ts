import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/detect/sources/source-spec.ts';
import {
  dayDir,
  firstDayDir,
  inWindow,
  makeWindow,
  mayHoldEvents,
  parseTime,
} from '../../../src/detect/sources/time-window.ts';
import { UserError } from '../../../src/errors.ts';

describe('parseSource', () => {
  it('reads paths, stdin, s3:// and sqs:// (with or without https://)', () => {
    expect(parseSource('-')).toEqual({ kind: 'stdin' });
    expect(parseSource('./AWSLogs')).toEqual({ kind: 'path', path: './AWSLogs' });
    expect(parseSource('s3://trail-bucket/AWSLogs/111122223333/')).toEqual({
      kind: 's3',
      uri: 's3://trail-bucket/AWSLogs/111122223333/',
      bucket: 'trail-bucket',
      prefix: 'AWSLogs/111122223333/',
    });
    expect(parseSource('s3://trail-bucket')).toMatchObject({ bucket: 'trail-bucket', prefix: '' });
    const queue = 'https://sqs.eu-west-1.amazonaws.com/111122223333/trail-events';
    expect(parseSource(`sqs://${queue}`)).toEqual({
      kind: 'sqs',
      uri: `sqs://${queue}`,
      queueUrl: queue,
      region: 'eu-west-1',
    });
    expect(parseSource('sqs://sqs.us-east-1.amazonaws.com/111122223333/q')).toMatchObject({
      queueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/q',
      region: 'us-east-1',
    });
    expect(parseSource('sqs://https://us-west-2.queue.amazonaws.com/111122223333/q')).toMatchObject({
      region: 'us-west-2',
    });
  });

  it('refuses what it cannot read, naming --source', () => {
    expect(() => parseSource('s3://Bad_Bucket/x')).toThrow(UserError);
    expect(() => parseSource('s3://Bad_Bucket/x')).toThrow(
      '"s3://Bad_Bucket/x": "Bad_Bucket" is not an S3 bucket name',
    );
    expect(() => parseSource('sqs://https://example.com/queue')).toThrow(/is not an SQS queue URL/);
    expect(() => parseSource('gs://bucket/x')).toThrow(/unsupported source "gs:\/\/bucket\/x"/);
  });

  it('never echoes credentials or query tokens of a source it refuses', () => {
    const refused = (text: string) => {
      try {
        parseSource(text);
      } catch (error) {
        return (error as UserError).message;
      }
      throw new Error(`${text} was accepted`);
    };
    for (const text of [
      'sqs://https://admin:hunter2@example.com/queue?X-Amz-Security-Token=SECRETTOKEN',
      'sqs://https://admin:hunter2@sqs.us-east-1.amazonaws.com/q',
      'ftp://admin:hunter2@host/x?token=SECRETTOKEN',
    ]) {
      const message = refused(text);
      expect(message).toContain('***@');
      expect(message).not.toMatch(/hunter2|SECRETTOKEN|admin/);
    }
  });
});

describe('time window', () => {
  const now = Date.UTC(2024, 7, 1, 12, 0);
  it('parses ISO dates, datetimes and relative times; refuses the rest', () => {
    expect(parseTime('2024-07-31', '--since')).toBe(Date.UTC(2024, 6, 31));
    expect(parseTime('2024-07-31T13:06:24Z', '--since')).toBe(Date.UTC(2024, 6, 31, 13, 6, 24));
    expect(parseTime('24h', '--since', now)).toBe(now - 24 * 3600_000);
    expect(parseTime('7d', '--since', now)).toBe(now - 7 * 86400_000);
    expect(() => parseTime('yesterday', '--since')).toThrow('"yesterday" is not a time');
    expect(() => makeWindow('2024-08-01', '2024-07-01')).toThrow('--since must be before --until');
  });

  it('selects CloudTrail paths and keys by their delivery stamp or YYYY/MM/DD directories', () => {
    const w = makeWindow('2024-07-31T12:00:00Z', '2024-08-01T00:00:00Z');
    const key = (stamp: string, day = '2024/07/31') =>
      `AWSLogs/111122223333/CloudTrail/us-east-1/${day}/111122223333_CloudTrail_us-east-1_${stamp}_x.json.gz`;
    expect(mayHoldEvents(w, key('20240731T1205Z'))).toBe(true);
    expect(mayHoldEvents(w, key('20240731T1155Z'))).toBe(false); // delivered before --since: every event in it is older
    expect(mayHoldEvents(w, key('20240801T0030Z', '2024/08/01'))).toBe(true); // delivered after --until, events before it
    expect(mayHoldEvents(w, key('20240801T0130Z', '2024/08/01'))).toBe(false);
    expect(mayHoldEvents(w, 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/30')).toBe(false);
    expect(mayHoldEvents(w, 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/08/01')).toBe(true); // delivered after midnight
    expect(mayHoldEvents(w, 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/08/02')).toBe(false);
    expect(mayHoldEvents(w, 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31')).toBe(true);
    expect(mayHoldEvents(w, 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/06')).toBe(false);
    expect(mayHoldEvents(w, 'AWSLogs/111122223333/CloudTrail/us-east-1/2023')).toBe(false);
    expect(mayHoldEvents(w, 'AWSLogs/111122223333/CloudTrail/us-east-1')).toBe(true);
    expect(mayHoldEvents(w, '/tmp/export.jsonl')).toBe(true);
    expect(inWindow(w, '2024-07-31T11:59:59Z')).toBe(false);
    expect(inWindow(w, '2024-07-31T12:00:00Z')).toBe(true);
    expect(inWindow(w, '2024-08-01T00:00:00Z')).toBe(false);
  });

  it('firstDayDir: every day directory before it holds no event at or after --since (s3:// listings start there)', () => {
    for (let since = Date.UTC(2024, 6, 30); since < Date.UTC(2024, 7, 2); since += 17 * 60_000) {
      const first = firstDayDir({ since })!;
      const region = 'AWSLogs/111122223333/CloudTrail/us-east-1/';
      for (let day = Date.UTC(2024, 6, 25); day < Date.UTC(2024, 7, 3); day += 86_400_000) {
        if (dayDir(day) < first)
          expect(
            mayHoldEvents({ since }, `${region}${dayDir(day)}/`),
            `${dayDir(day)} since ${new Date(since).toISOString()}`,
          ).toBe(false);
      }
      expect(
        mayHoldEvents({ since }, `${region}${first}/`) ||
          mayHoldEvents({ since }, `${region}${dayDir(Date.parse(first.replace(/\//g, '-')) + 86_400_000)}/`),
      ).toBe(true);
    }
    expect(firstDayDir({})).toBeUndefined();
  });
});
