/**
 * The findings filters as a user writes them (`cloudwarden findings --service s3 --tag env=prod`, or the dashboard's
 * `/findings?service=s3&tag=env%3Dprod`), turned into one FindingQuery: the CLI and the dashboard share this, so the
 * same words select the same findings. A service or a framework control becomes the checks that belong to it.
 */
import { requireChecks, checksForService, knownServices } from '../checks/catalogue.ts';
import { FRAMEWORKS } from '../compliance/frameworks/index.ts';
import { parseDuration } from '../detect/stateful/definition.ts';
import { UserError } from '../errors.ts';
import { parseSeverities } from '../findings/filters.ts';
import { FINDING_STATUSES, type FindingQuery, type FindingStatus } from './queries.ts';

export interface FindingFilters {
  status?: readonly string[];
  /** a duration such as 7d or 12h: last seen this recently */
  since?: string;
  account?: readonly string[];
  region?: readonly string[];
  service?: readonly string[];
  /** check ids or aliases */
  check?: readonly string[];
  /** comma-separated severities */
  severity?: string;
  /** `key=value`: every one must be on the resource */
  tag?: readonly string[];
  /** `framework:control`, e.g. `cis-aws-v3.0:2.1.1`: the checks that decide the control */
  control?: readonly string[];
}

/** `7d`, `12h`, `400d` before `now`, as the ISO time the store compares with. */
export function timeAgo(value: string, field: string, now: Date = new Date()): string {
  const ms = parseDuration(value);
  if (ms === undefined) throw new UserError(`"${value}" is not a duration such as 7d, 12h or 30m`, { field });
  return new Date(now.getTime() - ms).toISOString();
}

export function parseStatuses(values: readonly string[]): FindingStatus[] {
  return values.map((value) => {
    if (!(FINDING_STATUSES as readonly string[]).includes(value)) {
      throw new UserError(`unknown status "${value}" (use ${FINDING_STATUSES.join(', ')})`, { field: '--status' });
    }
    return value as FindingStatus;
  });
}

function parseTag(value: string): { key: string; value: string } {
  const at = value.indexOf('=');
  if (at <= 0) throw new UserError(`"${value}" is not a tag: write KEY=VALUE, e.g. env=prod`, { field: '--tag' });
  return { key: value.slice(0, at), value: value.slice(at + 1) };
}

/** The checks that decide `framework:control`. */
export function controlChecks(value: string): string[] {
  const at = value.lastIndexOf(':');
  const framework = FRAMEWORKS.find((f) => f.name === value.slice(0, at).toLowerCase());
  const control = framework?.controls.find((c) => c.id === value.slice(at + 1));
  if (!framework || !control) {
    throw new UserError(
      `"${value}" is not a framework control: write FRAMEWORK:CONTROL, e.g. cis-aws-v3.0:2.1.1 (frameworks: ${FRAMEWORKS.map((f) => f.name).join(', ')})`,
      { field: '--control' },
    );
  }
  return control.checks;
}

function serviceChecks(service: string): string[] {
  if (!knownServices().includes(service)) {
    throw new UserError(`unknown service "${service}" (use ${knownServices().join(', ')})`, { field: '--service' });
  }
  return checksForService(service).map((c) => c.id);
}

/** Each given kind narrows the checks: a finding's check must be in every list given. */
function intersect(lists: string[][]): string[] | undefined {
  if (lists.length === 0) return undefined;
  return lists.reduce((kept, list) => kept.filter((id) => list.includes(id)));
}

/** The store query these filters mean. Statuses default to `open`. */
export function findingQuery(filters: FindingFilters, now: Date = new Date()): FindingQuery {
  const checkLists: string[][] = [];
  if (filters.check?.length) checkLists.push(filters.check.flatMap((c) => requireChecks(c).map((k) => k.id)));
  if (filters.service?.length) checkLists.push(filters.service.flatMap(serviceChecks));
  if (filters.control?.length) checkLists.push(filters.control.flatMap(controlChecks));
  const checks = intersect(checkLists);
  return {
    today: now.toISOString().slice(0, 10),
    statuses: filters.status?.length ? parseStatuses(filters.status) : ['open'],
    ...(filters.since ? { since: timeAgo(filters.since, '--since', now) } : {}),
    ...(filters.account?.length ? { accounts: filters.account } : {}),
    ...(filters.region?.length ? { regions: filters.region } : {}),
    ...(checks ? { checks } : {}),
    ...(filters.severity ? { severities: parseSeverities(filters.severity) } : {}),
    ...(filters.tag?.length ? { tags: filters.tag.map(parseTag) } : {}),
  };
}
