import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScanProgress } from '../../src/cli/scan-progress.ts';

/** stderr as a user's terminal (or pipe) receives it, with a fixed width. */
function fakeStream(isTTY: boolean, columns = 200) {
  const writes: string[] = [];
  const stream = {
    isTTY,
    columns,
    write: (text: string) => (writes.push(text), true),
  } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

/** What a terminal shows after these writes: `\r` returns to the line start, `\x1b[K` erases to its end. */
function screen(writes: readonly string[]): string[] {
  const lines: string[] = [];
  let line = '';
  let column = 0;
  for (const token of writes.join('').split(/(\r|\n|\x1b\[K)/)) {
    if (token === '\r') column = 0;
    else if (token === '\n') {
      lines.push(line);
      line = '';
      column = 0;
    } else if (token === '\x1b[K') line = line.slice(0, column);
    else {
      line = line.slice(0, column) + token + line.slice(column + token.length);
      column += token.length;
    }
  }
  return [...lines, line];
}

let clock = 0;
beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

function advance(ms: number) {
  clock += ms;
  vi.advanceTimersByTime(ms);
}

describe('ScanProgress on a terminal', () => {
  it('shows accounts, region x service units, S3 buckets, calls, errors, throttles and retries, redrawn at most every 100 ms', () => {
    const { stream, writes } = fakeStream(true);
    const progress = new ScanProgress({ stream, now: () => clock });
    progress.setAccounts(50);
    const a = { calls: 0, errors: 0, retried: 0, throttled: 0 };
    progress.track('111111111111', () => a);
    progress.track('111111111111 s3', () => ({ calls: 34, errors: 1, retried: 2 }));
    progress.setUnits('111111111111', 0, 340);
    progress.setBuckets('111111111111', 0, 40);
    expect(writes).toEqual([]); // nothing before the first tick

    advance(100);
    expect(writes).toHaveLength(1);
    for (let i = 0; i < 3; i += 1) progress.accountDone('scanned');
    progress.setUnits('111111111111', 120, 340);
    progress.setBuckets('111111111111', 12, 40);
    Object.assign(a, { calls: 1200, errors: 4, retried: 12, throttled: 12 });
    advance(50);
    expect(writes).toHaveLength(1); // changes within 100 ms wait for the next redraw
    advance(50);
    expect(writes).toHaveLength(2);
    const line = writes[1] as string;
    expect(line.startsWith('\r')).toBe(true);
    expect(line).toContain('0:00 3/50 accounts');
    expect(line).toContain('120/340 regions x services');
    expect(line).toContain('12/40 S3 buckets');
    expect(line).toContain('calls 1234');
    expect(line).toContain('errors 5');
    expect(line).toContain('throttled 12');
    expect(line).toContain('retried 14');

    advance(1000); // nothing changed but the clock: redrawn with the elapsed time only
    expect(screen(writes).at(-1)).toMatch(/^scanning 0:01 3\/50 accounts/);
    progress.done();
    expect(screen(writes)).toEqual(['']);
  });

  it('counts failed accounts and sums several accounts', () => {
    const { stream, writes } = fakeStream(true);
    const progress = new ScanProgress({ stream, now: () => clock });
    progress.setAccounts(3);
    progress.setUnits('a', 10, 10);
    progress.setUnits('b', 4, 10);
    progress.track('a', () => ({ calls: 10, errors: 0, retried: 0, throttled: 1 }));
    progress.track('b', () => ({ calls: 5, errors: 2, retried: 1, throttled: 2 }));
    progress.accountDone('scanned');
    progress.accountDone('failed');
    advance(100);
    expect(screen(writes)).toEqual([
      'scanning 0:00 2/3 accounts (1 failed) · 14/20 regions x services · calls 15 · errors 2 · throttled 3 · retried 1',
    ]);
    progress.done();
  });

  it('prints log lines above the display, never inside it, and draws the display again after them', () => {
    const { stream, writes } = fakeStream(true);
    const progress = new ScanProgress({ stream, now: () => clock });
    progress.setAccounts(2);
    advance(100);
    progress.status('account 111111111111: scanned (12 calls, 0 failed)');
    progress.log('warning: bucket x was deleted during the scan');
    expect(screen(writes)).toEqual([
      'account 111111111111: scanned (12 calls, 0 failed)',
      'warning: bucket x was deleted during the scan',
      '',
    ]);
    advance(100);
    expect(screen(writes)).toEqual([
      'account 111111111111: scanned (12 calls, 0 failed)',
      'warning: bucket x was deleted during the scan',
      'scanning 0:00 0/2 accounts · calls 0 · errors 0 · throttled 0 · retried 0',
    ]);
    // account starts are in the display itself, not log lines
    progress.plainStatus('account 222222222222: scanning');
    progress.done();
    expect(screen(writes)).toEqual([
      'account 111111111111: scanned (12 calls, 0 failed)',
      'warning: bucket x was deleted during the scan',
      '',
    ]);
  });

  it('never draws wider than the terminal (a wrapped line could not be redrawn in place)', () => {
    const { stream, writes } = fakeStream(true, 40);
    const progress = new ScanProgress({ stream, now: () => clock });
    progress.setAccounts(50);
    advance(100);
    expect(writes[0]?.replace(/\r|\x1b\[K/g, '').length).toBe(39);
    progress.done();
    // a terminal that reports no width (a bare pty says 0 columns) is taken as 80 wide
    const bare = fakeStream(true, 0);
    const other = new ScanProgress({ stream: bare.stream, now: () => clock });
    other.setAccounts(50);
    other.setUnits('a', 120, 340);
    advance(100);
    expect(bare.writes[0]?.replace(/\r|\x1b\[K/g, '').length).toBe(79);
    other.done();
  });

  it('stops redrawing once done', () => {
    const { stream, writes } = fakeStream(true);
    const progress = new ScanProgress({ stream, now: () => clock });
    advance(100);
    progress.done();
    const count = writes.length;
    advance(10_000);
    expect(writes).toHaveLength(count);
  });
});

describe('ScanProgress without a terminal', () => {
  it('writes plain log lines: no carriage returns, account starts and ends, a status line every 10 s', () => {
    const { stream, writes } = fakeStream(false);
    const progress = new ScanProgress({ stream, now: () => clock });
    progress.setAccounts(2);
    progress.plainStatus('account 111111111111: scanning');
    progress.track('111111111111', () => ({ calls: 7, errors: 1, retried: 0, throttled: 3 }));
    advance(9_999);
    progress.status('account 111111111111: scanned (7 calls, 1 failed)');
    progress.accountDone('scanned');
    advance(1);
    advance(10_000);
    progress.done();
    advance(30_000);
    expect(writes).toEqual([
      'account 111111111111: scanning\n',
      'account 111111111111: scanned (7 calls, 1 failed)\n',
      'progress: 0:10 1/2 accounts · calls 7 · errors 1 · throttled 3 · retried 0\n',
      'progress: 0:20 1/2 accounts · calls 7 · errors 1 · throttled 3 · retried 0\n',
    ]);
    expect(writes.join('')).not.toMatch(/\r|\x1b/);
  });

  it('with --quiet prints only what the user must see (warnings, Ctrl-C)', () => {
    for (const isTTY of [true, false]) {
      const { stream, writes } = fakeStream(isTTY);
      const progress = new ScanProgress({ stream, quiet: true, now: () => clock });
      progress.setAccounts(1);
      progress.plainStatus('account 111111111111: scanning');
      progress.status('account 111111111111: scanned');
      advance(60_000);
      progress.log('interrupted: stopping the calls in flight');
      progress.done();
      expect(writes).toEqual(['interrupted: stopping the calls in flight\n']);
    }
  });
});
