import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/detect/engine/types.ts';
import { runDetection, type DetectionUnit, type UnitOutcome } from '../../../src/detect/pipeline/run-detection.ts';
import { fakeMatcher } from './support/fake-matcher.ts';

const record = (eventName: string, eventID: string) => ({
  eventVersion: '1.08',
  eventTime: '2024-07-31T13:06:24Z',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName,
  eventID,
});
const unit = (
  label: string,
  records: unknown[],
  settled: string[],
  outcomes: Record<string, UnitOutcome>,
): DetectionUnit => ({
  label,
  task: { kind: 'bytes', data: Buffer.from(JSON.stringify({ Records: records })) },
  settle: (outcome) => {
    settled.push(label);
    outcomes[label] = outcome;
  },
});

const ticks = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('runDetection settles a unit only once its alerts are accepted', () => {
  it('waits for every alert of a unit, keeps the units in order, and marks a unit with a refused alert incomplete', async () => {
    const settled: string[] = [];
    const outcomes: Record<string, UnitOutcome> = {};
    const handoffs: { alert: Alert; accept: (ok: boolean) => void }[] = [];
    async function* units(): AsyncGenerator<DetectionUnit> {
      yield unit(
        'a',
        [record('StopLogging', 'a1'), record('ListBuckets', 'a2'), record('StopLogging', 'a3')],
        settled,
        outcomes,
      );
      yield unit('b', [record('ListBuckets', 'b1')], settled, outcomes);
      yield unit('c', [record('StopLogging', 'c1')], settled, outcomes);
    }
    const run = runDetection(units(), {
      matcher: fakeMatcher({ alertOn: ['StopLogging'] }),
      workers: 0,
      strict: false,
      onAlert: (alert) => {
        let accept!: (ok: boolean) => void;
        const accepted = new Promise<boolean>((resolve) => (accept = resolve));
        handoffs.push({ alert, accept });
        return { accepted };
      },
      onProblem: () => undefined,
    });
    while (handoffs.length < 3) await ticks(1);
    await ticks(20);
    // every alert was handed over, none accepted yet: nothing is settled (no SQS delete, no checkpoint move)
    expect(settled).toEqual([]);
    const byId = (id: string) => handoffs.find((h) => h.alert.eventID === id)!;
    byId('c1').accept(true);
    byId('a1').accept(true);
    await ticks(20);
    expect(settled).toEqual([]); // c is accepted, but a (before it) is not yet
    byId('a3').accept(false);
    const stats = await run;
    expect(settled).toEqual(['a', 'b', 'c']);
    expect(outcomes).toEqual({
      a: { complete: false, bad: 0, undelivered: 1 },
      b: { complete: true, bad: 0 },
      c: { complete: true, bad: 0 },
    });
    expect(stats).toMatchObject({ alerts: 3, files: 3 });
  });

  it('a sink that gives no handoff (tests, plain callbacks) counts as accepted at once', async () => {
    const settled: string[] = [];
    const outcomes: Record<string, UnitOutcome> = {};
    async function* units(): AsyncGenerator<DetectionUnit> {
      yield unit('a', [record('StopLogging', 'a1')], settled, outcomes);
    }
    await runDetection(units(), {
      matcher: fakeMatcher({ alertOn: ['StopLogging'] }),
      workers: 0,
      strict: false,
      onAlert: () => undefined,
      onProblem: () => undefined,
    });
    expect(outcomes).toEqual({ a: { complete: true, bad: 0 } });
  });
});
