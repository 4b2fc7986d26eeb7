import { describe, expect, it } from 'vitest';
import { LruMap } from '../../../src/detect/stateful/lru.ts';

// [steps, keys left once a fourth key pushes one out of a map of 3]
const cases: [string, (map: LruMap<number>) => void, string[]][] = [
  ['no reads: the oldest set goes', () => undefined, ['b', 'c', 'd']],
  ['get makes a key the most recent', (map) => map.get('a'), ['c', 'a', 'd']],
  ['peek leaves the order alone', (map) => map.peek('a'), ['b', 'c', 'd']],
  ['peek then set: the same order as get then set', (map) => map.set('a', map.peek('a')! + 1), ['c', 'a', 'd']],
  ['peek of a missing key adds nothing', (map) => expect(map.peek('x')).toBeUndefined(), ['b', 'c', 'd']],
];

describe('LruMap', () => {
  it.each(cases)('%s', (_name, steps, left) => {
    const map = new LruMap<number>(3);
    for (const [i, key] of ['a', 'b', 'c'].entries()) map.set(key, i);
    steps(map);
    map.set('d', 9);
    expect([...map.entries()].map(([key]) => key)).toEqual(left);
  });
});
