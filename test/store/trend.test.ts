/**
 * The overview's trend of open failures is read from each finding's verdict history, on both engines: a day counts
 * the findings whose last verdict by the end of that day was `fail`, whatever their verdict is today.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Status } from '../../src/findings/result.ts';
import { openFailuresTrend } from '../../src/store/dashboard.ts';
import { recordScan } from '../../src/store/posture.ts';
import { result, scan } from './builders.ts';
import { dropTestDatabases, ENGINES, freshStore } from './engines.ts';

interface Case {
  name: string;
  /** the verdict of s3-a on bucket `logs` in each daily scan */
  verdicts: Status[];
  /** open failures at the end of each scan day */
  trend: number[];
}

const CASES: Case[] = [
  { name: 'fail, fail, fail', verdicts: ['fail', 'fail', 'fail'], trend: [1, 1, 1] },
  { name: 'fail, pass, fail (resolved, then failing again)', verdicts: ['fail', 'pass', 'fail'], trend: [1, 0, 1] },
  { name: 'fail, unknown, fail (unknown is not a failure)', verdicts: ['fail', 'unknown', 'fail'], trend: [1, 0, 1] },
  {
    name: 'fail, fail, unknown (unknown today, failing before)',
    verdicts: ['fail', 'fail', 'unknown'],
    trend: [1, 1, 0],
  },
  { name: 'pass, fail, pass', verdicts: ['pass', 'fail', 'pass'], trend: [0, 1, 0] },
];

afterAll(dropTestDatabases);

describe.each(ENGINES)('open failures trend on $engine', (engine) => {
  it.each(CASES)('$name', async ({ verdicts, trend }) => {
    const store = await freshStore(engine);
    try {
      for (const verdict of verdicts) await recordScan(store, scan([result('s3-a', 'logs', verdict)]));
      const points = await openFailuresTrend(store);
      expect(points.map((p) => p.bySeverity.high)).toEqual(trend);
    } finally {
      await store.db.destroy();
    }
  });

  it('two scans on one day count the later verdict', async () => {
    const store = await freshStore(engine);
    try {
      const morning = scan([result('s3-a', 'logs', 'fail')]);
      const evening = { ...scan([result('s3-a', 'logs', 'pass')]), startedAt: morning.startedAt.replace('T00', 'T18') };
      await recordScan(store, morning);
      await recordScan(store, evening);
      const points = await openFailuresTrend(store);
      expect(points.map((p) => [p.day, p.bySeverity.high])).toEqual([[morning.startedAt.slice(0, 10), 0]]);
    } finally {
      await store.db.destroy();
    }
  });
});
