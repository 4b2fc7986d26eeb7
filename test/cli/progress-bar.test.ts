import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress-bar.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (text: string) => (writes.push(text), true) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe('progressBar', () => {
  it('draws buckets done / total and errors on a terminal, and clears the line at the end', () => {
    let clock = 0;
    const { stream, writes } = fakeStream(true);
    const bar = progressBar('scanning S3 buckets', { stream, now: () => clock });
    bar.update(0, 4, 0);
    clock += 200;
    bar.update(2, 4, 1);
    bar.update(3, 4, 1); // within 100 ms of the last draw: skipped
    bar.update(4, 4, 1); // the last one is always drawn
    bar.done();
    const frames = writes.filter((w) => w.includes('scanning'));
    expect(frames).toHaveLength(3);
    expect(frames[1]).toContain('2/4');
    expect(frames[1]).toContain('1 error');
    expect(frames[2]).toContain('4/4');
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('prints warnings above the bar', () => {
    const { stream, writes } = fakeStream(true);
    const bar = progressBar('scanning', { stream, now: () => 0 });
    bar.update(1, 2, 0);
    bar.log('warning: bucket x was deleted during the scan');
    expect(writes.join('')).toContain('\r\x1b[Kwarning: bucket x was deleted during the scan\n');
    expect(writes.at(-1)).toContain('1/2');
  });

  it('prints a line with data from outside (an object key) as one line, control characters escaped', () => {
    const { stream, writes } = fakeStream(false);
    const bar = progressBar('scanning', { stream });
    bar.log('infected: s3://b/a\nforged: s3://b/clean\x1b[2K: Eicar');
    expect(writes).toEqual(['infected: s3://b/a\\nforged: s3://b/clean\\x1b[2K: Eicar\n']);
  });

  it('draws nothing when stderr is not a terminal, or with --quiet, but still prints warnings', () => {
    for (const [isTTY, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { stream, writes } = fakeStream(isTTY);
      const bar = progressBar('scanning', { stream, quiet });
      bar.update(1, 2, 0);
      bar.update(2, 2, 0);
      bar.log('warning: something');
      bar.done();
      expect(writes).toEqual(['warning: something\n']);
    }
  });
});
