import { UserError } from '../errors.ts';
import type { Result, Status } from './result.ts';
import { STATUSES } from './result.ts';
import { isSeverity, SEVERITIES, type Severity } from './severity.ts';

export interface ResultFilter {
  severities?: Severity[];
  statuses?: Status[];
  /** check ids (already resolved from aliases) */
  checkIds?: string[];
  arn?: string;
}

/** Parses `--severity HIGH,CRITICAL` (trivy's spelling, any case). */
export function parseSeverities(value: string): Severity[] {
  return value.split(',').map((raw) => {
    const s = raw.trim().toLowerCase();
    if (!isSeverity(s))
      throw new UserError(`unknown severity "${raw}" (use ${SEVERITIES.join(', ')})`, { field: '--severity' });
    return s;
  });
}

export function parseStatuses(value: string): Status[] {
  return value.split(',').map((raw) => {
    const s = raw.trim().toLowerCase();
    if (!(STATUSES as readonly string[]).includes(s)) {
      throw new UserError(`unknown status "${raw}" (use ${STATUSES.join(', ')})`, { field: '--status' });
    }
    return s as Status;
  });
}

export function filterResults(results: readonly Result[], filter: ResultFilter): Result[] {
  return results.filter(
    (r) =>
      (!filter.severities || filter.severities.includes(r.severity)) &&
      (!filter.statuses || filter.statuses.includes(r.status)) &&
      (!filter.checkIds || filter.checkIds.includes(r.checkId)) &&
      (!filter.arn || r.resource.arn === filter.arn),
  );
}
