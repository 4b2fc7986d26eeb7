import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../../src/detect/fields/event.ts';
import { KeyCache } from '../../../src/detect/engine/stateful-keys.ts';

const reader = (values: FieldValue[]) => (slot: number) => values[slot];

describe('KeyCache', () => {
  it('gives the JSON array text of the values, the form --state files keep', () => {
    const cache = new KeyCache();
    const cases: [FieldValue[], string | undefined][] = [
      [['arn:aws:sts::1:assumed-role/r/i-0abc', '10.0.0.1'], '["arn:aws:sts::1:assumed-role/r/i-0abc","10.0.0.1"]'],
      [['a"b\\c', 'd'], JSON.stringify(['a"b\\c', 'd'])],
      [[1, '1'], '[1,"1"]'],
      [['1', 1], '["1",1]'],
      [[true, 'x'], '[true,"x"]'],
      [['x', undefined], undefined],
      [['', 'x'], undefined],
      [[undefined, 'x'], undefined],
    ];
    for (const [values, key] of cases) expect(cache.keyOf([0, 1], reader(values))).toBe(key);
    expect(cache.keyOf([], reader([]))).toBe('[]');
    expect(cache.keyOf([0], reader(['only']))).toBe('["only"]');
  });

  it('tells values of different types apart and hands out the same text for the same values', () => {
    const cache = new KeyCache();
    const a = cache.keyOf([0, 1], reader(['s', '10.0.0.1']));
    expect(cache.keyOf([0, 1], reader(['s', '10.0.0.1']))).toBe(a);
    expect(cache.keyOf([0, 1], reader(['s', '10.0.0.2']))).toBe('["s","10.0.0.2"]');
    expect(cache.keyOf([0], reader([1]))).toBe('[1]');
    expect(cache.keyOf([0], reader(['1']))).toBe('["1"]');
  });

  it('stays right past its cap, where it starts afresh', () => {
    const cache = new KeyCache(3);
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < 10; i++)
        expect(cache.keyOf([0, 1], reader([`p${i % 4}`, `ip${i}`]))).toBe(JSON.stringify([`p${i % 4}`, `ip${i}`]));
  });
});
