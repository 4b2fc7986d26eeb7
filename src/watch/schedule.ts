/**
 * Schedules of full scans (`--schedule CRON`, `schedules:` in watch.yaml): cron patterns (croner: 5 fields, or 6
 * with seconds) in a time zone. Each schedule waits for its next planned time on a clock (the real one, or a test's)
 * and then asks the lock (schedule-lock.ts) to run that slot: one process of all those sharing the store runs it.
 * A scan that runs past later slots skips them (one scan at a time per schedule).
 */
import { Cron } from 'croner';
import { UserError } from '../errors.ts';

export interface ScheduleSpec {
  name: string;
  cron: string;
  /** IANA time zone the pattern is read in (default UTC) */
  timezone: string;
  /** services to collect and check (default: every collected service) */
  services?: string[];
  /** regions (default: every enabled region) */
  regions?: string[];
  /** a file of account ids (one per line, or a JSON array), scanned through `roleName` */
  accounts?: string;
  /** every ACTIVE account of the organization, through `roleName` */
  org?: boolean;
  roleName?: string;
  externalId?: string;
}

/** Throws a message naming what is wrong with the time zone, or returns it. */
export function checkTimezone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch (error) {
    throw new Error(`"${zone}" is not an IANA time zone (e.g. UTC, Europe/Berlin)`, { cause: error });
  }
  return zone;
}

/** Throws a message naming what is wrong with the pattern. */
export function checkCron(pattern: string, timezone: string): void {
  try {
    const job = new Cron(pattern, { timezone, paused: true });
    const next = job.nextRun(new Date());
    job.stop();
    if (!next) throw new Error('it never fires');
  } catch (error) {
    throw new Error(`"${pattern}" is not a cron pattern (${(error as Error).message})`, { cause: error });
  }
}

const ZONE = /^(UTC|GMT|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

/** `--schedule 'CRON [TIME_ZONE]'`: the credentials' account, every service, at those times. */
export function scheduleFromFlag(text: string): ScheduleSpec {
  const tokens = text.trim().split(/\s+/);
  const last = tokens.at(-1) ?? '';
  const zoned = tokens.length > 5 && ZONE.test(last);
  const cron = (zoned ? tokens.slice(0, -1) : tokens).join(' ');
  try {
    const timezone = checkTimezone(zoned ? last : 'UTC');
    checkCron(cron, timezone);
    return { name: 'schedule', cron, timezone };
  } catch (error) {
    throw new UserError((error as Error).message, { field: '--schedule' }, { cause: error });
  }
}

/** The time a schedule is at; tests move a fake one. */
export interface ScheduleClock {
  now(): Date;
  /** resolves at `at`, or when the signal aborts */
  sleepUntil(at: Date, signal: AbortSignal): Promise<void>;
}

/** setTimeout waits at most 2^31-1 ms: longer waits are cut into steps. */
const LONGEST_TIMER_MS = 2_147_483_647;

export const realClock: ScheduleClock = {
  now: () => new Date(),
  sleepUntil: async (at, signal) => {
    while (!signal.aborted) {
      const left = at.getTime() - Date.now();
      if (left <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, LONGEST_TIMER_MS));
        function done(): void {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });
    }
  },
};

/** Runs `fire(slot)` at every planned time of the schedule until the signal aborts. */
export async function runSchedule(
  spec: ScheduleSpec,
  clock: ScheduleClock,
  signal: AbortSignal,
  fire: (slot: Date) => Promise<void>,
): Promise<void> {
  const job = new Cron(spec.cron, { timezone: spec.timezone, paused: true });
  try {
    let after = clock.now();
    while (!signal.aborted) {
      const slot = job.nextRun(after);
      if (!slot) return;
      await clock.sleepUntil(slot, signal);
      if (signal.aborted) return;
      await fire(slot);
      // slots missed while this one ran are skipped: the next planned time after now
      const now = clock.now();
      after = now > slot ? now : slot;
    }
  } finally {
    job.stop();
  }
}
