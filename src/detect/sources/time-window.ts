/**
 * --since / --until. Log files are selected by the date in their path or key (CloudTrail writes
 * `AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/<acct>_CloudTrail_<region>_YYYYMMDDTHHmmZ_<id>.json.gz`,
 * the timestamp being the delivery time, a few minutes after the events in it); alerts are then filtered on
 * the event time itself, so the window is exact.
 */
import { UserError } from '../../errors.ts';

export interface TimeWindow {
  since?: number;
  until?: number;
}

/** events reach a log file up to about 15 minutes before it is delivered; one hour of slack is safe */
const DELIVERY_SLACK_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO 8601 (`2024-07-31`, `2024-07-31T13:00:00Z`) or relative to now (`30m`, `24h`, `7d`). */
export function parseTime(text: string, field: string, now = Date.now()): number {
  const relative = /^(\d+)([mhd])$/.exec(text);
  if (relative)
    return now - Number(relative[1]) * { m: 60_000, h: 3_600_000, d: DAY_MS }[relative[2] as 'm' | 'h' | 'd'];
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
    const ms = Date.parse(iso);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new UserError(
    `"${text}" is not a time (ISO 8601 like 2024-07-31 or 2024-07-31T13:00:00Z, or relative like 30m, 24h, 7d)`,
    { field },
  );
}

export function makeWindow(since: string | undefined, until: string | undefined, now = Date.now()): TimeWindow {
  const window: TimeWindow = {};
  if (since !== undefined) window.since = parseTime(since, '--since', now);
  if (until !== undefined) window.until = parseTime(until, '--until', now);
  if (window.since !== undefined && window.until !== undefined && window.since >= window.until) {
    throw new UserError('--since must be before --until', { field: '--since' });
  }
  return window;
}

export function isOpen(window: TimeWindow): boolean {
  return window.since === undefined && window.until === undefined;
}

/** Can a file at this path or key hold events inside the window? (true when the path carries no date) */
export function mayHoldEvents(window: TimeWindow, path: string): boolean {
  if (isOpen(window)) return true;
  const range = pathTimeRange(path);
  if (!range) return true;
  const [start, end] = range;
  if (window.since !== undefined && end <= window.since) return false;
  if (window.until !== undefined && start >= window.until) return false;
  return true;
}

/**
 * The earliest `YYYY/MM/DD` day directory that may hold events at or after --since (a day directory holds
 * events up to the end of its day): listings of dated S3 trees start there instead of at the first key.
 */
export function firstDayDir(window: TimeWindow): string | undefined {
  return window.since === undefined ? undefined : dayDir(window.since - DAY_MS);
}

/** `YYYY/MM/DD` of the UTC day holding `ms`, as CloudTrail names its day directories. */
export function dayDir(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '/');
}

export function inWindow(window: TimeWindow, isoTime: string): boolean {
  if (isOpen(window)) return true;
  const t = Date.parse(isoTime);
  if (Number.isNaN(t)) return true;
  if (window.since !== undefined && t < window.since) return false;
  if (window.until !== undefined && t >= window.until) return false;
  return true;
}

/**
 * [start, end) of the events a path can hold: from the delivery timestamp in the file name (events are
 * before it, by up to DELIVERY_SLACK_MS), else from the trailing YYYY[/MM[/DD]] directories (whole year, month
 * or day, by delivery date).
 */
function pathTimeRange(path: string): [number, number] | undefined {
  const stamp = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_/.exec(path);
  if (stamp) {
    const [, y, mo, d, h, mi] = stamp;
    const delivered = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
    return [delivered - DELIVERY_SLACK_MS, delivered + 60_000];
  }
  const dirs = /(?:^|\/)(\d{4})(?:\/(\d{2})(?:\/(\d{2}))?)?(?:\/[^/]*)?$/.exec(path.replace(/\\/g, '/'));
  if (!dirs) return undefined;
  const year = Number(dirs[1]);
  if (year < 2000 || year > 2999) return undefined;
  // a file delivered just after midnight holds events of the day before
  if (dirs[3] !== undefined) {
    const start = Date.UTC(year, Number(dirs[2]) - 1, Number(dirs[3]));
    return [start - DELIVERY_SLACK_MS, start + DAY_MS];
  }
  if (dirs[2] !== undefined)
    return [Date.UTC(year, Number(dirs[2]) - 1, 1) - DELIVERY_SLACK_MS, Date.UTC(year, Number(dirs[2]), 1)];
  return [Date.UTC(year, 0, 1) - DELIVERY_SLACK_MS, Date.UTC(year + 1, 0, 1)];
}
