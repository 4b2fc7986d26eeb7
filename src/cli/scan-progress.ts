import type { CallStats } from '../collect/run-state.ts';

interface DoneOfTotal {
  done: number;
  total: number;
}

export interface ScanProgressOptions {
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  now?: () => number;
}

/** A terminal is redrawn at most this often, however many calls end in between. */
const REDRAW_MS = 100;
/** Without a terminal, a status line this often shows a long scan is alive. */
const PLAIN_STATUS_MS = 10_000;

/**
 * What a live scan shows on stderr. On a terminal: one line, redrawn at most every 100 ms, with accounts,
 * region x service units and S3 buckets done out of their totals and the calls, errors, throttled attempts and
 * retries so far; log lines are printed above it and it is cleared when done. Otherwise (a pipe, CI, --quiet):
 * no redraws; status lines as plain log lines (none with --quiet), plus one every 10 s.
 */
export class ScanProgress {
  private readonly stream: NodeJS.WriteStream;
  private readonly now: () => number;
  private readonly quiet: boolean;
  private readonly tty: boolean;
  private readonly started: number;
  private accounts: (DoneOfTotal & { failed: number }) | undefined;
  private readonly units = new Map<string, DoneOfTotal>();
  private readonly buckets = new Map<string, DoneOfTotal>();
  private readonly counters = new Map<string, () => Partial<CallStats>>();
  private readonly timer: NodeJS.Timeout | undefined;
  private drawn = '';

  constructor(options: ScanProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.now = options.now ?? Date.now;
    this.quiet = options.quiet === true;
    this.tty = this.stream.isTTY === true && !this.quiet;
    this.started = this.now();
    if (this.tty) this.timer = setInterval(() => this.redraw(), REDRAW_MS);
    else if (!this.quiet) this.timer = setInterval(() => this.log(`progress: ${this.line()}`), PLAIN_STATUS_MS);
    // the display never keeps the process alive on its own
    this.timer?.unref();
  }

  /** An organization scan: the display gains "done/total accounts". */
  setAccounts(total: number): void {
    this.accounts = { done: 0, total, failed: 0 };
  }

  accountDone(outcome: 'scanned' | 'failed'): void {
    if (!this.accounts) return;
    this.accounts.done += 1;
    if (outcome === 'failed') this.accounts.failed += 1;
  }

  /** Region x service units of one account (`key`) done out of its total. */
  setUnits(key: string, done: number, total: number): void {
    this.units.set(key, { done, total });
  }

  setBuckets(key: string, done: number, total: number): void {
    this.buckets.set(key, { done, total });
  }

  /** Counters of one collection (a run's call stats, the S3 collector's progress), summed with the others at each redraw. */
  track(key: string, read: () => Partial<CallStats>): void {
    this.counters.set(key, read);
  }

  /** A line the user must see whatever the mode (warnings, Ctrl-C): printed above the display. */
  log(line: string): void {
    this.clear();
    this.stream.write(`${line}\n`);
  }

  /** News of the scan (an account finished): printed above the display; nothing with --quiet. */
  status(line: string): void {
    if (!this.quiet) this.log(line);
  }

  /** News a terminal shows in the display itself (an account started): a log line only without one. */
  plainStatus(line: string): void {
    if (!this.tty && !this.quiet) this.log(line);
  }

  done(): void {
    clearInterval(this.timer);
    this.clear();
  }

  /** The status as one line: "0:42 3/50 accounts · 120/340 regions x services · calls 1234 · errors 5 · throttled 12 · retried 14". */
  line(): string {
    const parts: string[] = [];
    if (this.accounts) {
      const failed = this.accounts.failed > 0 ? ` (${this.accounts.failed} failed)` : '';
      parts.push(`${this.accounts.done}/${this.accounts.total} accounts${failed}`);
    }
    if (this.units.size > 0) parts.push(`${fraction(this.units)} regions x services`);
    if (this.buckets.size > 0) parts.push(`${fraction(this.buckets)} S3 buckets`);
    const counts: CallStats = { calls: 0, errors: 0, throttled: 0, retried: 0 };
    for (const read of this.counters.values()) {
      const c = read();
      counts.calls += c.calls ?? 0;
      counts.errors += c.errors ?? 0;
      counts.throttled += c.throttled ?? 0;
      counts.retried += c.retried ?? 0;
    }
    parts.push(
      `calls ${counts.calls}`,
      `errors ${counts.errors}`,
      `throttled ${counts.throttled}`,
      `retried ${counts.retried}`,
    );
    return `${elapsed(this.now() - this.started)} ${parts.join(' · ')}`;
  }

  private redraw(): void {
    // wider than the terminal, the line would wrap and `\r` would redraw only its last row
    const width = Math.max(20, (this.stream.columns || 80) - 1);
    const text = `scanning ${this.line()}`.slice(0, width);
    if (text === this.drawn) return;
    this.stream.write(`\r${text}\x1b[K`);
    this.drawn = text;
  }

  private clear(): void {
    if (this.drawn === '') return;
    this.stream.write('\r\x1b[K');
    this.drawn = '';
  }
}

function fraction(parts: Map<string, DoneOfTotal>): string {
  let done = 0;
  let total = 0;
  for (const part of parts.values()) {
    done += part.done;
    total += part.total;
  }
  return `${done}/${total}`;
}

function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
