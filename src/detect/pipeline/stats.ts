/** The counters behind the stats line `detect` prints on stderr at the end of a run. */
import type { TaskResult } from './task-result.ts';

export class DetectionStats {
  events = 0;
  matched = 0;
  alerts = 0;
  bad = 0;
  /** files, objects, stdin: every input unit read */
  files = 0;
  private readonly startedAt = performance.now();
  private endedAt: number | undefined;

  add(result: TaskResult): void {
    this.events += result.events;
    this.matched += result.matched;
    this.bad += result.bad;
  }

  finish(): void {
    this.endedAt = performance.now();
  }

  get seconds(): number {
    return ((this.endedAt ?? performance.now()) - this.startedAt) / 1000;
  }

  get eventsPerSecond(): number {
    return this.seconds > 0 ? Math.round(this.events / this.seconds) : 0;
  }

  /** `detect: 310 events read, 120 matched, 15 alerts, 0 bad records, 35 files, 0.41 s (756 events/s)` + extras */
  format(extras: string[] = []): string {
    const main =
      `detect: ${this.events} events read, ${this.matched} matched, ${this.alerts} alerts, ${this.bad} bad records, ` +
      `${this.files} files, ${this.seconds.toFixed(2)} s (${this.eventsPerSecond} events/s)`;
    return [main, ...extras].join('; ');
  }
}
