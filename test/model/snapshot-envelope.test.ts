import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/model/normalise.ts';
import { PARTITIONS } from '../../src/model/snapshot-schema.ts';
import { validateSnapshot } from '../../src/model/snapshot.ts';

/** What the loader keeps accepting: the documented forms load unchanged (the refusals are in test/cli/scan-snapshot-validation). */
const base = { cloudwarden: 'snapshot/v1', accountId: '012345678901', collectedAt: '2026-11-22T00:00:00Z' };

describe('snapshot envelope', () => {
  it.each(PARTITIONS)('partition %s loads and builds its ARNs', (partition) => {
    const state = normalise(
      validateSnapshot({ ...base, partition, s3: { buckets: { logs: { Region: 'us-east-1' } } } }),
    );
    expect(state.s3.buckets[0]?.arn).toBe(`arn:${partition}:s3:::logs`);
  });

  it('the partition defaults to aws and the account id keeps its leading zero', () => {
    const snapshot = validateSnapshot(base);
    expect(snapshot.partition).toBe('aws');
    expect(snapshot.accountId).toBe('012345678901');
  });

  it('collectedAt in the forms the collectors and AWS write it', () => {
    for (const collectedAt of ['2026-11-22T00:00:00Z', '2026-11-22T00:00:00.123Z', '2026-11-22T09:00:00+09:00']) {
      expect(validateSnapshot({ ...base, collectedAt }).collectedAt).toBe(collectedAt);
    }
  });

  it('regions of every partition, the European Sovereign Cloud included', () => {
    const regions = [
      'us-east-1',
      'cn-north-1',
      'us-gov-west-1',
      'us-iso-east-1',
      'us-isob-east-1',
      'eu-isoe-west-1',
      'us-isof-south-1',
      'eusc-de-east-1',
    ];
    expect(validateSnapshot({ ...base, regions }).regions).toEqual(regions);
  });

  it('an error record with an empty message (AWS gave none) is an error record', () => {
    const snapshot = validateSnapshot({
      ...base,
      s3: {
        buckets: { logs: { Region: 'us-east-1', GetBucketVersioning: { error: { name: 'SlowDown', message: '' } } } },
      },
    });
    expect(normalise(snapshot).s3.buckets[0]?.versioning).toEqual({
      kind: 'error',
      operation: 's3:GetBucketVersioning',
      error: { name: 'SlowDown', message: '' },
    });
  });

  it('the bundled demo snapshot loads', async () => {
    const demo = JSON.parse(
      await readFile(new URL('../../examples/demo-account.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(() => validateSnapshot(demo, 'examples/demo-account.json')).not.toThrow();
  });
});
