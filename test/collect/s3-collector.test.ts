import { GetBucketLocationCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import { checksForService } from '../../src/checks/catalogue.ts';
import { scanSnapshot } from '../../src/checks/scan.ts';
import { collectAccount } from '../../src/collect/account-collector.ts';
import { DEFAULT_CONCURRENCY, RunState } from '../../src/collect/run-state.ts';
import { AwsAccessError } from '../../src/errors.ts';
import { normalise } from '../../src/model/normalise.ts';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import s3Service from '../../src/services/s3/index.ts';
import { BUCKET_OPERATION_NAMES } from '../../src/services/s3/schema.ts';
import pLimit from 'p-limit';
import { ACCOUNT_ID, awsError, hardenedBucket } from '../support/snapshot-builders.ts';
import {
  answersFromEntry,
  installFakeAccount,
  s3ControlError,
  s3Error,
  stsError,
  type FakeAccount,
  type FakeBucket,
} from './fake-s3-account.ts';

const credentials = async () => ({
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
});

let fake: ReturnType<typeof installFakeAccount> | undefined;
afterEach(() => fake?.restore());

/** A bucket answering every call like `hardenedBucket` records it, in `region`. */
function hardened(name: string, region: string, extra: Partial<FakeBucket> = {}): FakeBucket {
  return {
    ...extra,
    region,
    answers: { ...answersFromEntry(hardenedBucket(name, { Region: region })), ...extra.answers },
  };
}

interface CollectOptions {
  regions?: string[];
  concurrency?: number;
  signal?: AbortSignal;
  /** buckets done and the run's failed calls so far */
  onProgress?: (progress: { done: number; total: number; errors: number }) => void;
  warn?: (message: string) => void;
}

/** One account's S3 through the account collection `scan aws` runs, with S3 alone selected. */
async function collect(account: FakeAccount, options: CollectOptions = {}, setup?: (f: typeof fake) => void) {
  fake = installFakeAccount(account);
  setup?.(fake);
  const clients = await AwsClients.create({ homeRegion: 'us-east-1', credentials });
  const run = new RunState(pLimit(options.concurrency ?? DEFAULT_CONCURRENCY), options.signal);
  try {
    const collected = await collectAccount(clients, [s3Service], run, {
      regions: options.regions ?? [],
      onGroupedProgress: (_service, done, total) => options.onProgress?.({ done, total, errors: run.stats.errors }),
      ...(options.warn ? { warn: options.warn } : {}),
    });
    const { snapshot, interrupted, fatal } = collected;
    return { ...collected.grouped.s3!, snapshot, interrupted, fatal };
  } finally {
    clients.destroy();
  }
}

function resultOf(snapshot: unknown, checkId: string, bucket: string) {
  const report = scanSnapshot(validateSnapshot(snapshot), checksForService('s3'));
  return report.results.find((r) => r.checkId === checkId && r.resource.arn === `arn:aws:s3:::${bucket}`);
}

describe('S3 collection (the bucket group of the S3 declaration)', () => {
  it('records every operation exactly as the SDK returned it, each bucket asked in its own region', async () => {
    const { snapshot, seen, interrupted } = await collect({
      buckets: {
        'tokyo-data': hardened('tokyo-data', 'ap-northeast-1'),
        'dublin-legacy': hardened('dublin-legacy', 'eu-west-1', {
          listRegion: false,
          location: { LocationConstraint: 'EU' },
        }),
        'virginia-logs': hardened('virginia-logs', 'us-east-1', { listRegion: false, location: {} }),
        'ohio-empty-constraint': hardened('ohio-empty-constraint', 'us-east-1', {
          listRegion: false,
          location: { LocationConstraint: '' },
        }),
      },
    });
    expect(seen).toBe(4);
    expect(interrupted).toBe(false);
    expect(snapshot.accountId).toBe(ACCOUNT_ID);
    expect(snapshot.partition).toBe('aws');
    expect(snapshot.partial).toBeUndefined();
    const buckets = snapshot.s3!.buckets;
    expect(Object.keys(buckets)).toEqual(['tokyo-data', 'dublin-legacy', 'virginia-logs', 'ohio-empty-constraint']);
    expect(buckets['tokyo-data']).toEqual({ ...hardenedBucket('tokyo-data'), BucketArn: 'arn:aws:s3:::tokyo-data' });
    expect(buckets['dublin-legacy']!.Region).toBe('eu-west-1');
    expect(buckets['virginia-logs']!.Region).toBe('us-east-1');
    expect(buckets['ohio-empty-constraint']!.Region).toBe('us-east-1');
    // no call was redirected: each went straight to the bucket's region
    for (const asked of fake!.calls.regionsAsked) {
      const [bucket, region] = asked.split(/[@:]/);
      expect(buckets[bucket!]!.Region, asked).toBe(region);
    }
    expect(fake!.s3.commandCalls(GetBucketLocationCommand)).toHaveLength(3);
    expect(validateSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });

  it('turns Date objects into ISO strings and drops $metadata, so the snapshot is plain JSON', async () => {
    const { snapshot } = await collect({
      buckets: {
        archive: hardened('archive', 'eu-central-1', {
          creationDate: new Date('2019-03-04T05:06:07.000Z'),
          answers: {
            GetBucketLifecycleConfiguration: {
              Rules: [
                {
                  ID: 'expire-2030',
                  Status: 'Enabled',
                  Filter: { Prefix: 'tmp/' },
                  Expiration: { Date: new Date('2030-01-01T00:00:00.000Z') },
                },
              ],
            },
          },
        }),
      },
    });
    const entry = snapshot.s3!.buckets.archive!;
    expect(entry.CreationDate).toBe('2019-03-04T05:06:07.000Z');
    expect(entry.GetBucketLifecycleConfiguration).toEqual({
      Rules: [
        {
          ID: 'expire-2030',
          Status: 'Enabled',
          Filter: { Prefix: 'tmp/' },
          Expiration: { Date: '2030-01-01T00:00:00.000Z' },
        },
      ],
    });
    expect(JSON.stringify(snapshot)).not.toContain('$metadata');
  });

  it('follows ListBuckets pages through ContinuationToken', async () => {
    const buckets = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e'].map((n) => [`bucket-${n}`, hardened(`bucket-${n}`, 'us-west-2')]),
    );
    const { snapshot } = await collect({ buckets, pageSize: 2 });
    expect(Object.keys(snapshot.s3!.buckets)).toEqual(['bucket-a', 'bucket-b', 'bucket-c', 'bucket-d', 'bucket-e']);
    const pages = fake!.s3.commandCalls(ListBucketsCommand).map((c) => c.args[0].input);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toEqual({ MaxBuckets: 1000, ContinuationToken: undefined });
    expect(pages[1]!.ContinuationToken).toBeTruthy();
    expect(pages[2]!.ContinuationToken).not.toBe(pages[1]!.ContinuationToken);
  });

  it('stores AccessDenied as the error AWS named, and that check becomes unknown naming it', async () => {
    const progress: number[] = [];
    const { snapshot } = await collect(
      {
        buckets: {
          locked: hardened('locked', 'ap-northeast-1', {
            answers: { GetBucketVersioning: s3Error('AccessDenied', 'Access Denied') },
          }),
          open: hardened('open', 'ap-northeast-1'),
        },
      },
      { onProgress: (p) => progress.push(p.errors) },
    );
    expect(snapshot.s3!.buckets.locked!.GetBucketVersioning).toEqual({
      error: { name: 'AccessDenied', message: 'Access Denied' },
    });
    expect(snapshot.s3!.buckets.open!.GetBucketVersioning).toEqual({ Status: 'Enabled', MFADelete: 'Enabled' });
    expect(progress.at(-1)).toBe(1);
    const locked = resultOf(snapshot, 's3-bucket-versioning-enabled', 'locked');
    expect(locked?.status).toBe('unknown');
    expect(locked?.reason).toContain('AccessDenied on s3:GetBucketVersioning');
    expect(resultOf(snapshot, 's3-bucket-versioning-enabled', 'open')?.status).toBe('pass');
  });

  it('records "not configured" errors as facts: the checks decide on them and they are not counted as errors', async () => {
    const progress: number[] = [];
    const { snapshot } = await collect(
      {
        buckets: {
          bare: hardened('bare', 'eu-west-2', {
            answers: {
              GetBucketPolicy: s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist'),
              GetBucketPolicyStatus: s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist'),
              GetBucketEncryption: s3Error(
                'ServerSideEncryptionConfigurationNotFoundError',
                'The server side encryption configuration was not found',
              ),
              GetBucketLifecycleConfiguration: s3Error(
                'NoSuchLifecycleConfiguration',
                'The lifecycle configuration does not exist',
              ),
              GetBucketReplication: s3Error(
                'ReplicationConfigurationNotFoundError',
                'The replication configuration was not found',
              ),
              GetBucketTagging: s3Error('NoSuchTagSet', 'The TagSet does not exist'),
              GetBucketVersioning: {},
              GetBucketLogging: {},
            },
          }),
        },
      },
      { onProgress: (p) => progress.push(p.errors) },
    );
    const entry = snapshot.s3!.buckets.bare!;
    expect(entry.GetBucketPolicy).toEqual(awsError('NoSuchBucketPolicy'));
    expect(entry.GetBucketEncryption).toEqual(awsError('ServerSideEncryptionConfigurationNotFoundError'));
    expect(entry.GetBucketVersioning).toEqual({});
    expect(progress.at(-1)).toBe(0);
    expect(resultOf(snapshot, 's3-bucket-versioning-enabled', 'bare')?.status).toBe('fail');
    expect(resultOf(snapshot, 's3-bucket-logging-enabled', 'bare')?.status).toBe('fail');
    expect(resultOf(snapshot, 's3-bucket-lifecycle-configured', 'bare')?.status).toBe('fail');
  });

  it('keeps a throttling error that outlasted the SDK retries as an error, and goes on with the other buckets', async () => {
    const { snapshot } = await collect({
      buckets: {
        busy: hardened('busy', 'us-east-1', {
          answers: { GetBucketLogging: s3Error('SlowDown', 'Please reduce your request rate.') },
        }),
        calm: hardened('calm', 'us-east-1'),
      },
    });
    expect(snapshot.s3!.buckets.busy!.GetBucketLogging).toEqual({
      error: { name: 'SlowDown', message: 'Please reduce your request rate.' },
    });
    const busy = resultOf(snapshot, 's3-bucket-logging-enabled', 'busy');
    expect(busy?.status).toBe('unknown');
    expect(busy?.reason).toContain('SlowDown');
    expect(resultOf(snapshot, 's3-bucket-logging-enabled', 'calm')?.status).toBe('pass');
  });

  it.each(['PermanentRedirect', 'AuthorizationHeaderMalformed'] as const)(
    "follows a region redirect (%s) to the bucket's region instead of recording it",
    async (wrongRegionError) => {
      const { snapshot } = await collect({
        buckets: {
          // GetBucketLocation is denied, so the bucket is first asked in the home region
          hidden: hardened('hidden', 'eu-central-1', {
            listRegion: false,
            location: s3Error('AccessDenied', 'Access Denied'),
            wrongRegionError,
          }),
        },
      });
      const entry = snapshot.s3!.buckets.hidden!;
      expect(entry.Region).toBe('eu-central-1');
      for (const op of BUCKET_OPERATION_NAMES) expect(entry[op], op).toEqual(hardenedBucket('hidden')[op]);
      const redirected = fake!.calls.regionsAsked.filter((a) => a.startsWith('hidden@us-east-1'));
      expect(redirected.length).toBeGreaterThan(0);
      expect(redirected.length).toBeLessThanOrEqual(16);
      expect(fake!.calls.regionsAsked.filter((a) => a.startsWith('hidden@eu-central-1'))).toHaveLength(
        BUCKET_OPERATION_NAMES.length,
      );
    },
  );

  it('leaves out a bucket deleted during the scan and warns once', async () => {
    const warn = vi.fn();
    const { snapshot, deleted } = await collect(
      {
        buckets: {
          doomed: hardened('doomed', 'us-east-1', { deletedAfterCalls: 3 }),
          kept: hardened('kept', 'us-east-1'),
        },
      },
      { warn, concurrency: 1 },
    );
    expect(Object.keys(snapshot.s3!.buckets)).toEqual(['kept']);
    expect(deleted).toEqual(['doomed']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain('doomed');
    // after NoSuchBucket nothing more is asked about it
    expect(fake!.calls.byBucket.get('doomed')).toBe(4);
  });

  it('limits which buckets are scanned by --region, after seeing every bucket', async () => {
    const { snapshot, outsideRegions, seen } = await collect(
      {
        buckets: {
          'in-tokyo': hardened('in-tokyo', 'ap-northeast-1'),
          'in-osaka': hardened('in-osaka', 'ap-northeast-3', { listRegion: false }),
          'in-dublin': hardened('in-dublin', 'eu-west-1'),
        },
      },
      { regions: ['ap-northeast-1', 'ap-northeast-3'] },
    );
    expect(seen).toBe(3);
    expect(Object.keys(snapshot.s3!.buckets)).toEqual(['in-tokyo', 'in-osaka']);
    expect(outsideRegions).toEqual(['in-dublin']);
    expect(fake!.calls.byBucket.get('in-dublin')).toBeUndefined();
  });

  it('never has more calls in flight than the concurrency', async () => {
    const buckets = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`b${i}`, hardened(`b${i}`, 'us-east-1')]));
    await collect({ buckets, latencyMs: 2 }, { concurrency: 5 });
    expect(fake!.calls.maxInFlight).toBe(5);
    expect(fake!.calls.total).toBe(3 + 12 * BUCKET_OPERATION_NAMES.length);
  });

  it('stops on abort and returns what was collected, marked partial and still valid', async () => {
    const controller = new AbortController();
    const buckets = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`b${i}`, hardened(`b${i}`, 'us-east-1')]));
    const result = await collect(
      { buckets, latencyMs: 1 },
      { concurrency: 4, signal: controller.signal, onProgress: (p) => p.done >= 3 && controller.abort() },
    );
    expect(result.interrupted).toBe(true);
    expect(result.snapshot.partial).toBe(true);
    expect(fake!.calls.total).toBeLessThan(3 + 40 * BUCKET_OPERATION_NAMES.length);
    const snapshot = validateSnapshot(JSON.parse(JSON.stringify(result.snapshot)));
    const complete = Object.values(snapshot.s3!.buckets).filter((b) =>
      BUCKET_OPERATION_NAMES.every((op) => b[op] !== undefined),
    );
    expect(complete.length).toBeGreaterThanOrEqual(3);
    expect(result.complete).toBe(complete.length);
    expect(result.complete).toBeLessThan(40);
    // what was not collected is missing, so its checks are unknown, never pass
    const incomplete = Object.entries(snapshot.s3!.buckets).find(([, b]) => b.GetBucketVersioning === undefined);
    expect(incomplete).toBeDefined();
    expect(resultOf(snapshot, 's3-bucket-versioning-enabled', incomplete![0])?.status).toBe('unknown');
  });

  it('ends the run with an AwsAccessError when the first call finds the token expired', async () => {
    const error = await collect({
      buckets: {},
      identity: stsError('ExpiredToken', 'The security token included in the request is expired'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsAccessError);
    expect((error as AwsAccessError).awsErrorName).toBe('ExpiredToken');
    expect((error as AwsAccessError).operation).toBe('sts:GetCallerIdentity');
    expect((error as AwsAccessError).message).toMatch(/expired/);
  });

  it('stops, keeping what it has, when the credentials expire in the middle of the scan', async () => {
    const expired = s3Error('ExpiredToken', 'The provided token has expired.');
    const { snapshot, fatal, interrupted } = await collect(
      {
        buckets: {
          first: hardened('first', 'us-east-1'),
          second: hardened('second', 'us-east-1', { answers: { GetBucketCors: expired } }),
        },
      },
      { concurrency: 1 },
    );
    expect(fatal).toBeInstanceOf(AwsAccessError);
    expect(fatal!.awsErrorName).toBe('ExpiredToken');
    expect(interrupted).toBe(true);
    expect(snapshot.partial).toBe(true);
    expect(snapshot.s3!.buckets.first!.GetBucketCors).toEqual(hardenedBucket('first').GetBucketCors);
    expect(snapshot.s3!.buckets.second!.GetBucketCors).toBeUndefined();
  });

  it('records the account-level Public Access Block from S3 Control, and its absence as a fact', async () => {
    const { snapshot } = await collect({
      buckets: {},
      accountPublicAccessBlock: s3ControlError(
        'NoSuchPublicAccessBlockConfiguration',
        'The public access block configuration was not found',
      ),
    });
    expect(snapshot.s3!.GetPublicAccessBlock).toEqual(awsError('NoSuchPublicAccessBlockConfiguration'));
    expect(normalise(validateSnapshot(snapshot)).s3.accountPublicAccessBlock).toEqual({
      kind: 'absent',
      errorName: 'NoSuchPublicAccessBlockConfiguration',
    });
  });

  it('records a response the schema cannot read as an error, so the snapshot stays valid', async () => {
    const { snapshot } = await collect({
      buckets: { odd: hardened('odd', 'us-east-1', { answers: { GetBucketTagging: { TagSet: 'not-a-list' } } }) },
    });
    expect(snapshot.s3!.buckets.odd!.GetBucketTagging).toMatchObject({ error: { name: 'UnexpectedResponseShape' } });
    expect(() => validateSnapshot(JSON.parse(JSON.stringify(snapshot)))).not.toThrow();
  });

  it('ends the run when ListBuckets is denied (no bucket could be seen)', async () => {
    const error = await collect({ buckets: {} }, {}, (f) =>
      f!.s3.on(ListBucketsCommand).rejects(s3Error('AccessDenied', 'Access Denied')),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsAccessError);
    expect((error as AwsAccessError).operation).toBe('s3:ListBuckets');
  });
});
