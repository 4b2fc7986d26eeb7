import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCommand } from '../../../src/cli/detect.ts';
import { detectAwsClients } from '../../../src/detect/sources/aws-clients.ts';
import { LOOKBACK_DAYS } from '../../../src/detect/sources/checkpoint.ts';
import { makeWindow } from '../../../src/detect/sources/time-window.ts';
import { fakeS3Bucket, s3XmlError, startFakeAwsServer, type FakeS3Object } from '../../aws/fake-aws-http.ts';
import { tempDir } from '../pipeline/support/cloudtrail-data.ts';
import { BUCKET, credentials, fakeS3, putObjects, runSource, trailKey } from './s3-fixture.ts';
import { seededRandom } from '../../support/seeded-random.ts';

const repo = new URL('../../../', import.meta.url).pathname;
const rulesFile = join(repo, 'test/fixtures/cloudtrail/detect/trail-tampering.yaml');

describe('random key sets split across two runs (property): every object is read once, a failed one once more, what --until left out next time', () => {
  const accounts = ['000011112222', '111122223333', '444455556666'];
  const regions = ['ap-south-1', 'eu-west-1', 'us-east-1', 'us-west-2'];
  const prefixes = [
    '',
    'AWSLogs/',
    'AWSLogs/111122223333/CloudTrail/',
    'AWSLogs/1',
    'AWSLogs/111122223333/CloudTrail/us-east-1/2024/',
  ];
  const undatedDirs = ['', 'AWSLogs/', 'exports/', 'AWSLogs/111122223333/notes/'];
  const day = (i: number) => new Date(Date.UTC(2024, 6, 20 + i)).toISOString().slice(0, 10);
  const isLog = (key: string) => key.endsWith('.json.gz') || key.endsWith('.json');

  it.each(Array.from({ length: 30 }, (_, i) => i + 1))('seed %i', async (seed) => {
    const rnd = seededRandom(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    const pick = <T>(items: T[]) => items[int(0, items.length - 1)]!;
    const id = () =>
      Array.from({ length: 6 }, () => pick([...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789'])).join(
        '',
      );
    /** CloudTrail's delivery: a region's new file lands in a day at most LOOKBACK_DAYS before the newest day it already has */
    const newestDay = new Map<string, number>();
    const newKey = (existing: boolean): string => {
      if (rnd() < 0.15) return `${pick(undatedDirs)}${pick(['batch', 'export', 'records'])}-${id()}.json`;
      const [account, region] = [pick(accounts), pick(regions)];
      const partition = `${account}/${region}`;
      const newest = newestDay.get(partition);
      const d = existing || newest === undefined ? int(0, 9) : int(Math.max(0, newest - LOOKBACK_DAYS), 9);
      if (existing) newestDay.set(partition, Math.max(d, newest ?? 0));
      return trailKey(
        account,
        region,
        day(d),
        `${String(int(0, 23)).padStart(2, '0')}${String(int(0, 59)).padStart(2, '0')}`,
        id(),
      );
    };

    const prefix = pick(prefixes);
    const objects = new Map<string, FakeS3Object>();
    const first = Array.from({ length: int(5, 30) }, () => newKey(true));
    putObjects(objects, first);
    const failing = new Set(first.filter(() => rnd() < 0.1));
    let run = 1;
    const { client } = fakeS3(objects, {
      maxKeys: int(1, 4),
      failGet: (key) =>
        run === 1 && failing.has(key)
          ? s3XmlError(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key })
          : undefined,
    });
    const checkpoint = join(tempDir(), 'cp.json');
    // sometimes the first run stops at --until: what it leaves out is read by the next run
    const until = rnd() < 0.3 ? makeWindow(undefined, day(int(0, 9))) : {};
    const one = await runSource(client, prefix, checkpoint, until);
    const added = Array.from({ length: int(1, 15) }, () => newKey(false));
    putObjects(objects, added, new Date('2024-07-30T00:00:00Z'));
    run = 2;
    const two = await runSource(client, prefix, checkpoint);

    const all = [...objects.keys()].filter((k) => k.startsWith(prefix) && isLog(k));
    const readOnce = [...one.read, ...two.read];
    expect(new Set(readOnce).size, `seed ${seed}: an object was read twice`).toBe(readOnce.length);
    expect(new Set(readOnce), `seed ${seed}: prefix "${prefix}"`).toEqual(new Set(all));
    expect(one.failed.every((k) => failing.has(k))).toBe(true);
    expect(two.failed).toEqual([]);
    expect(await runSource(client, prefix, checkpoint)).toEqual({ read: [], failed: [] });
  });
});

describe('detect --checkpoint over HTTP (S3Client with an endpoint on a local fake S3)', () => {
  const objects = new Map<string, FakeS3Object>();
  const missing = new Set<string>();
  let server: Awaited<ReturnType<typeof startFakeAwsServer>>;

  beforeAll(async () => {
    server = await startFakeAwsServer(
      fakeS3Bucket(BUCKET, objects, {
        maxKeys: 3,
        failGet: (key) => (missing.has(key) ? s3XmlError(403, 'AccessDenied', 'Access Denied') : undefined),
      }),
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  async function detect(checkpoint: string): Promise<{ code: number; alerts: string[]; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const aws = await detectAwsClients({
      homeRegion: 'us-east-1',
      endpointUrl: server.url,
      credentials: async () => credentials,
      maxAttempts: 1,
    });
    const code = await detectCommand(
      {
        builtin: false,
        rules: [rulesFile],
        workers: '0',
        format: 'json',
        source: ['s3://trail-bucket/AWSLogs/111122223333/CloudTrail/'],
        checkpoint,
      },
      { stdout: out, stderr: { write: (chunk: string) => (stderr += chunk) }, aws, controller: new AbortController() },
    ).finally(() => aws.destroy());
    const alerts = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { eventID: string }).eventID);
    return { code, alerts, stderr };
  }

  it('alerts of new objects in other regions, earlier hours and new regions come once; an unreadable one comes when it can be read', async () => {
    const checkpoint = join(tempDir(), 'trail.checkpoint.json');
    const east = [
      trailKey('111122223333', 'us-east-1', '2024-07-28', '0900'),
      trailKey('111122223333', 'us-east-1', '2024-07-28', '1100'),
    ];
    const west = [
      trailKey('111122223333', 'us-west-2', '2024-07-28', '1000'),
      trailKey('111122223333', 'us-west-2', '2024-07-28', '1200'),
    ];
    putObjects(objects, [...east, ...west]);
    const first = await detect(checkpoint);
    expect(first.code).toBe(0);
    expect(first.alerts).toEqual([...east, ...west]);

    const added = [
      trailKey('111122223333', 'ap-south-1', '2024-07-28', '1000'),
      trailKey('111122223333', 'us-east-1', '2024-07-28', '1300'),
      trailKey('111122223333', 'us-west-2', '2024-07-28', '1100'),
    ];
    const unreadable = trailKey('111122223333', 'us-west-2', '2024-07-28', '0500');
    missing.add(unreadable);
    putObjects(objects, [...added, unreadable]);
    const second = await detect(checkpoint);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`warning: s3://trail-bucket/${unreadable}: GetObject AccessDenied: Access Denied`);
    expect(second.alerts).toEqual(added);

    missing.clear();
    const third = await detect(checkpoint);
    expect(third.code).toBe(0);
    expect(third.alerts).toEqual([unreadable]);
    expect((await detect(checkpoint)).alerts).toEqual([]);
  });
});
