/**
 * A request's query string as findings filters: the same names and values as the `findings` command's flags
 * (`?status=open&severity=high,critical&service=s3&tag=env=prod&control=cis-aws-v3.0:2.1.1`), repeated or
 * comma-separated, so that a dashboard URL and a command line say the same thing.
 */
import { UserError } from '../errors.ts';
import type { FindingFilters } from '../store/filters.ts';
import { FINDING_SORT_KEYS, type FindingSortKey } from '../store/queries.ts';

export const FILTER_NAMES = [
  'status',
  'since',
  'account',
  'region',
  'service',
  'check',
  'severity',
  'tag',
  'control',
] as const;
export type FilterParams = Partial<Record<(typeof FILTER_NAMES)[number], string[]>>;

/** What these read of a request: its query string. */
export interface QueryReader {
  query(name: string): string | undefined;
  queries(name: string): string[] | undefined;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/** Repeated values, and comma-separated ones except for tags (a tag value may hold a comma). */
export function filterParams(req: QueryReader): FilterParams {
  const out: FilterParams = {};
  for (const name of FILTER_NAMES) {
    const values = (req.queries(name) ?? [])
      .flatMap((v) => (name === 'tag' ? [v] : v.split(',')))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (values.length) out[name] = values;
  }
  return out;
}

export function toFilters(params: FilterParams): FindingFilters {
  const { since, severity, ...lists } = params;
  return { ...lists, ...(since ? { since: since[0] } : {}), ...(severity ? { severity: severity.join(',') } : {}) };
}

function whole(value: string | undefined, field: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new UserError(`"${value}" is not a whole number from 0 to ${max}`, { field });
  return n;
}

export function pageParams(req: QueryReader): { limit: number; offset: number } {
  return {
    limit: Math.max(1, whole(req.query('limit'), 'limit', DEFAULT_LIMIT, MAX_LIMIT)),
    offset: whole(req.query('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER),
  };
}

export function sortParams(req: QueryReader): { by: FindingSortKey; descending: boolean } {
  const by = req.query('sort') ?? 'lastSeen';
  if (!(FINDING_SORT_KEYS as readonly string[]).includes(by)) {
    throw new UserError(`cannot sort by "${by}" (use ${FINDING_SORT_KEYS.join(', ')})`, { field: 'sort' });
  }
  return { by: by as FindingSortKey, descending: req.query('dir') !== 'asc' };
}
