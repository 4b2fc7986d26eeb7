import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Checkpoint } from '../../../src/detect/sources/checkpoint.ts';
import { describeError, exitCodeFor } from '../../../src/errors.ts';
import { makeWindow } from '../../../src/detect/sources/time-window.ts';
import { s3XmlError, type FakeS3Object } from '../../aws/fake-aws-http.ts';
import { tempDir } from '../pipeline/support/cloudtrail-data.ts';
import { fakeS3, putObjects, runSource, trailKey } from './s3-fixture.ts';

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const sorted = (keys: string[]) => [...keys].sort(byteOrder);
const isLog = (key: string) => /\.(json|jsonl|ndjson)(\.gz)?$/.test(key) && !key.includes('/CloudTrail-Digest/');

const ORG = 'o-a1b2c3d4e5';
const base = [
  trailKey('111122223333', 'us-east-1', '2024-07-20', '0800'),
  trailKey('111122223333', 'us-east-1', '2024-07-21', '0800'),
  trailKey('111122223333', 'us-east-1', '2024-07-27', '1000'),
  trailKey('111122223333', 'us-east-1', '2024-07-28', '0900'),
  trailKey('111122223333', 'us-east-1', '2024-07-28', '1100'),
  trailKey('111122223333', 'us-west-2', '2024-07-28', '1000'),
  trailKey('111122223333', 'us-west-2', '2024-07-28', '1200'),
  trailKey('444455556666', 'eu-west-1', '2024-07-28', '1000'),
  trailKey('777788889999', 'us-east-1', '2024-07-28', '1000', 'Xq3pT0fZ7LbR2mNc', ORG),
  'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/07/28/111122223333_CloudTrail-Digest_us-east-1_main_us-east-1_20240728T1100Z.json.gz',
  'AWSLogs/imports/batch-1.json',
  'exports/lake-2024-07.jsonl',
  'exports/README.txt',
];
/** an object added in every position relative to what the first run read */
const added = {
  beforeLastKeyInAnotherRegion: trailKey('111122223333', 'us-east-1', '2024-07-28', '1300'),
  earlierDay: trailKey('111122223333', 'us-west-2', '2024-07-26', '2350'),
  lateArrivalSamePartition: trailKey('111122223333', 'us-west-2', '2024-07-28', '1100'),
  laterSamePartition: trailKey('111122223333', 'us-west-2', '2024-07-28', '1400'),
  nextDay: trailKey('444455556666', 'eu-west-1', '2024-07-29', '0005'),
  nextMonth: trailKey('111122223333', 'us-east-1', '2024-08-01', '0005'),
  newRegion: trailKey('111122223333', 'ap-south-1', '2024-07-28', '1000'),
  newAccountFirst: trailKey('000011112222', 'eu-west-1', '2024-07-28', '1000'),
  newOrgAccount: trailKey('123456789012', 'us-east-1', '2024-07-28', '1000', 'Xq3pT0fZ7LbR2mNc', ORG),
  afterEverything: trailKey('999988887777', 'us-east-1', '2024-07-28', '1000'),
  notCloudTrailBefore: 'AWSLogs/imports/batch-0.json',
  notCloudTrailElsewhere: 'exports/lake-2024-06.jsonl',
  afterAllAtRoot: 'zz-late/records.ndjson',
};

describe('--checkpoint on s3:// resumes every partition: the next run reads exactly the new objects, once', () => {
  it.each([
    ['the bucket root', ''],
    ['AWSLogs/', 'AWSLogs/'],
    ["the docs' own account prefix", 'AWSLogs/111122223333/CloudTrail/'],
    ['a prefix inside a dated tree', 'AWSLogs/111122223333/CloudTrail/us-west-2/2024/07/'],
    ['a prefix that ends mid-name', 'AWSLogs/1111'],
  ])('%s (%s)', async (_, prefix) => {
    const objects = new Map<string, FakeS3Object>();
    putObjects(objects, base);
    const { client } = fakeS3(objects, { maxKeys: 2 });
    const checkpoint = join(tempDir(), 'trail.checkpoint.json');
    const under = (keys: string[]) => sorted(keys.filter((k) => k.startsWith(prefix) && isLog(k)));

    const first = await runSource(client, prefix, checkpoint);
    expect(first).toEqual({ read: under(base), failed: [] });

    putObjects(objects, Object.values(added), new Date('2024-07-29T12:00:00Z'));
    const second = await runSource(client, prefix, checkpoint);
    expect(second).toEqual({ read: under(Object.values(added)), failed: [] });

    expect(await runSource(client, prefix, checkpoint)).toEqual({ read: [], failed: [] });
  });

  it('an object that cannot be read is the only one read again, until it is read', async () => {
    const objects = new Map<string, FakeS3Object>();
    putObjects(objects, base);
    const missing = base[5]!;
    let available = false;
    const { client } = fakeS3(objects, {
      failGet: (key) =>
        key === missing && !available
          ? s3XmlError(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key })
          : undefined,
    });
    const checkpoint = join(tempDir(), 'cp.json');
    const first = await runSource(client, 'AWSLogs/', checkpoint);
    expect(first.failed).toEqual([missing]);
    expect(first.read).toEqual(sorted(base.filter((k) => k.startsWith('AWSLogs/') && isLog(k) && k !== missing)));
    expect(await runSource(client, 'AWSLogs/', checkpoint)).toEqual({ read: [], failed: [missing] });
    available = true;
    expect(await runSource(client, 'AWSLogs/', checkpoint)).toEqual({ read: [missing], failed: [] });
    expect(await runSource(client, 'AWSLogs/', checkpoint)).toEqual({ read: [], failed: [] });
  });

  it('years of logs: a rerun lists only the last days of each region, and the file keeps only those keys', async () => {
    const objects = new Map<string, FakeS3Object>();
    const keys: string[] = [];
    // weekly until July 2024, then daily (fewer objects to read in the first run, same directory shape)
    for (
      let t = Date.UTC(2022, 0, 1);
      t <= Date.UTC(2024, 6, 28);
      t += t < Date.UTC(2024, 6, 1) ? 7 * 86_400_000 : 86_400_000
    )
      keys.push(trailKey('111122223333', 'us-east-1', new Date(t).toISOString().slice(0, 10), '1200'));
    putObjects(objects, keys);
    const { client, lists } = fakeS3(objects);
    const checkpoint = join(tempDir(), 'cp.json');
    const prefix = 'AWSLogs/111122223333/CloudTrail/';
    expect((await runSource(client, prefix, checkpoint)).read).toHaveLength(keys.length);
    const saved = JSON.parse(readFileSync(checkpoint, 'utf8'));
    const region = `${prefix}us-east-1/`;
    expect(saved.sources[`s3://trail-bucket/${prefix}`].partitions[region].after).toBe(`${region}2024/07/25`);
    expect(saved.sources[`s3://trail-bucket/${prefix}`].partitions[region].read).toHaveLength(4);

    const late = trailKey('111122223333', 'us-east-1', '2024-07-27', '2355', 'LateFileDelivered');
    putObjects(objects, [late]);
    const before = lists().length;
    expect(await runSource(client, prefix, checkpoint)).toEqual({ read: [late], failed: [] });
    // the account's regions, the region's years, then the current year from the look-back day: 2022 and 2023 are not listed
    expect(lists().slice(before)).toEqual([
      { 'list-type': '2', prefix, delimiter: '/' },
      { 'list-type': '2', prefix: region, delimiter: '/' },
      { 'list-type': '2', prefix: `${region}2024/`, 'start-after': `${region}2024/07/25` },
    ]);
  });

  it('outside dated directories every key read is remembered, as long as the object exists', async () => {
    const objects = new Map<string, FakeS3Object>();
    putObjects(objects, ['exports/a.json', 'exports/b.json', 'exports/2023-q4/c.jsonl']);
    const { client } = fakeS3(objects);
    const checkpoint = join(tempDir(), 'cp.json');
    const partitions = () =>
      JSON.parse(readFileSync(checkpoint, 'utf8')).sources['s3://trail-bucket/exports/'].partitions;
    expect((await runSource(client, 'exports/', checkpoint)).read).toEqual([
      'exports/2023-q4/c.jsonl',
      'exports/a.json',
      'exports/b.json',
    ]);
    expect(partitions()).toEqual({
      'exports/': { read: ['a.json', 'b.json'] },
      'exports/2023-q4/': { read: ['c.jsonl'] },
    });
    objects.delete('exports/a.json');
    objects.delete('exports/2023-q4/c.jsonl');
    expect(await runSource(client, 'exports/', checkpoint)).toEqual({ read: [], failed: [] });
    expect(partitions()).toEqual({ 'exports/': { read: ['b.json'] } });
    putObjects(objects, ['exports/a.json']);
    expect(await runSource(client, 'exports/', checkpoint)).toEqual({ read: ['exports/a.json'], failed: [] });
  });

  it('an object dated in the future does not close the days still being delivered (the clock bounds the look-back)', async () => {
    const objects = new Map<string, FakeS3Object>();
    const region = 'AWSLogs/111122223333/CloudTrail/us-east-1/';
    putObjects(objects, [
      trailKey('111122223333', 'us-east-1', '2024-07-28', '0900'),
      `${region}2099/01/01/planted.json.gz`,
    ]);
    const { client } = fakeS3(objects);
    const checkpoint = join(tempDir(), 'cp.json');
    const now = () => Date.parse('2024-07-28T12:00:00Z');
    expect((await runSource(client, region, checkpoint, {}, now)).read).toHaveLength(2);
    const late = trailKey('111122223333', 'us-east-1', '2024-07-26', '2355');
    putObjects(objects, [late]);
    expect(await runSource(client, region, checkpoint, {}, now)).toEqual({ read: [late], failed: [] });
  });

  it('--until leaves later objects for the next run; --since skips earlier day directories unlisted', async () => {
    const objects = new Map<string, FakeS3Object>();
    const region = 'AWSLogs/111122223333/CloudTrail/us-east-1/';
    const early = trailKey('111122223333', 'us-east-1', '2024-07-27', '2300');
    const later = [
      trailKey('111122223333', 'us-east-1', '2024-07-28', '0900'),
      trailKey('111122223333', 'us-east-1', '2024-07-29', '0900'),
    ];
    putObjects(objects, [early, ...later]);
    const { client, lists } = fakeS3(objects);
    const checkpoint = join(tempDir(), 'cp.json');
    expect(await runSource(client, region, checkpoint, makeWindow(undefined, '2024-07-28'))).toEqual({
      read: [early],
      failed: [],
    });
    expect(await runSource(client, region, checkpoint)).toEqual({ read: later, failed: [] });

    const fresh = join(tempDir(), 'cp.json');
    expect(await runSource(client, region, fresh, makeWindow('2024-07-29T00:00:00Z', undefined))).toEqual({
      read: [later[1]],
      failed: [],
    });
    expect(lists().at(-1)).toEqual({
      'list-type': '2',
      prefix: `${region}2024/`,
      'start-after': `${region}2024/07/28`,
    });
  });
});

describe('checkpoint file', () => {
  it('a version 1 file (one lastKey per source) still loads: what it read stays read, what it skipped is read now', async () => {
    const prefix = 'AWSLogs/111122223333/CloudTrail/';
    const lastKey = trailKey('111122223333', 'us-west-2', '2024-07-28', '1000');
    const updatedAt = '2024-07-28T10:30:00.000Z';
    const checkpoint = join(tempDir(), 'v1.json');
    writeFileSync(
      checkpoint,
      JSON.stringify({ version: 1, sources: { [`s3://trail-bucket/${prefix}`]: { lastKey, updatedAt } } }),
    );
    const objects = new Map<string, FakeS3Object>();
    const readBefore = [
      `${prefix}export-2024-06.json`,
      trailKey('111122223333', 'us-east-1', '2024-07-01', '0900'),
      trailKey('111122223333', 'us-east-1', '2024-07-28', '0900'),
      trailKey('111122223333', 'us-west-2', '2024-07-28', '0900'),
      lastKey,
    ];
    putObjects(objects, readBefore, new Date('2024-07-28T10:05:00Z'));
    // the old single key skipped these forever: us-east-1 sorts before lastKey
    const skippedByVersion1 = [trailKey('111122223333', 'us-east-1', '2024-07-28', '1300')];
    const afterLastKey = [trailKey('111122223333', 'us-west-2', '2024-07-28', '1200')];
    putObjects(objects, [...skippedByVersion1, ...afterLastKey], new Date('2024-07-28T13:05:00Z'));
    const { client, lists } = fakeS3(objects);

    expect(await runSource(client, prefix, checkpoint)).toEqual({
      read: [...skippedByVersion1, ...afterLastKey],
      failed: [],
    });
    // years before the position's look-back are not listed again
    expect(lists()).toContainEqual({
      'list-type': '2',
      prefix: `${prefix}us-east-1/2024/`,
      'start-after': `${prefix}us-east-1/2024/07/25`,
    });
    const saved = JSON.parse(readFileSync(checkpoint, 'utf8'));
    expect(saved.version).toBe(2);
    expect(saved.sources[`s3://trail-bucket/${prefix}`].legacy).toBeUndefined();
    expect(Object.keys(saved.sources[`s3://trail-bucket/${prefix}`].partitions)).toEqual([
      prefix,
      `${prefix}us-east-1/`,
      `${prefix}us-west-2/`,
    ]);
    expect(await runSource(client, prefix, checkpoint)).toEqual({ read: [], failed: [] });
  });

  it.each([
    [
      'truncated JSON',
      '{"version":2,"sources":{"s3://trail-bucket/AWSLogs/":{"partitions":{',
      /^error: .*cp\.json:1: not a cloudwarden checkpoint \(invalid JSON: /,
    ],
    [
      'an unknown version',
      '{"version":3,"sources":{}}',
      /^error: .*cp\.json: version: not a cloudwarden checkpoint \(expected 1 or 2\); delete it to start over$/,
    ],
    [
      'a read key that is not a string',
      '{"version":2,"sources":{"s3://b/p/":{"partitions":{"p/r/":{"read":["a",7]}}}}}',
      /^error: .*cp\.json: sources\["s3:\/\/b\/p\/"\]\.partitions\["p\/r\/"\]\.read\[1\]: not a cloudwarden checkpoint \(expected a key\)/,
    ],
    [
      'a version 1 source without lastKey',
      '{"version":1,"sources":{"s3://b/p/":{"updatedAt":"2024-07-28T10:30:00Z"}}}',
      /sources\["s3:\/\/b\/p\/"\]\.lastKey: not a cloudwarden checkpoint \(expected a key\)/,
    ],
  ])('%s: one line naming the file and field, exit 2', async (_, text, line) => {
    const path = join(tempDir(), 'cp.json');
    writeFileSync(path, text);
    const error = await Checkpoint.open(path).catch((e: unknown) => e);
    expect(exitCodeFor(error)).toBe(2);
    expect(describeError(error)).toMatch(line);
    expect(describeError(error)).not.toContain('\n');
  });
});
