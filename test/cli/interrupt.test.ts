import { describe, expect, it } from 'vitest';
import { onInterrupt } from '../../src/cli/interrupt.ts';

describe('onInterrupt', () => {
  it('the first Ctrl-C stops the scan and says a second one quits; then no handler is left, so a second one ends the process', () => {
    const before = process.listenerCount('SIGINT');
    const lines: string[] = [];
    const interrupt = onInterrupt((line) => lines.push(line));
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    expect(interrupt.signal.aborted).toBe(false);

    process.emit('SIGINT');
    expect(interrupt.signal.aborted).toBe(true);
    expect(lines).toEqual([
      'interrupted: stopping the calls in flight and writing what was collected (Ctrl-C again to quit at once)',
    ]);
    // Node's default SIGINT action (exit at once) applies again only when no listener is left
    expect(process.listenerCount('SIGINT')).toBe(before);
    interrupt.dispose();
  });

  it('a scan that ends without Ctrl-C removes its handler', () => {
    const before = process.listenerCount('SIGINT');
    const interrupt = onInterrupt(() => undefined);
    interrupt.dispose();
    expect(process.listenerCount('SIGINT')).toBe(before);
    expect(interrupt.signal.aborted).toBe(false);
  });
});
