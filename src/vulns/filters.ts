import { UserError } from '../errors.ts';
import {
  EXPLOIT_AVAILABLE,
  FINDING_STATUSES,
  FINDING_TYPES,
  FIX_AVAILABLE,
  RESOURCE_TYPES,
  SEVERITIES,
  type InspectorFinding,
} from './finding.ts';

/**
 * The report filters, named after Inspector's filter criteria. Sent to the API as `filterCriteria`
 * (so Inspector does the filtering), and applied locally with the same meaning when findings come
 * from a file: values of one filter are alternatives (OR), different filters must all hold (AND).
 */
export interface VulnFilter {
  severity?: string[];
  fixAvailable?: string[];
  findingType?: string[];
  findingStatus?: string[];
  resourceType?: string[];
  ec2InstanceImageId?: string[];
  ecrImageRepositoryName?: string[];
  ecrImageTags?: string[];
  lambdaFunctionName?: string[];
  vulnerabilityId?: string[];
  awsAccountId?: string[];
  firstObservedAfter?: Date;
  exploitAvailable?: string[];
}

/** The CLI's filter flags as commander hands them over (repeatable flags, comma-separated values). */
export interface FilterOptions {
  severity?: string[];
  fixAvailable?: string[];
  findingType?: string[];
  status?: string[];
  resourceType?: string[];
  ami?: string[];
  ecrRepository?: string[];
  ecrImageTag?: string[];
  lambdaFunction?: string[];
  vulnerabilityId?: string[];
  account?: string[];
  firstSeenAfter?: string;
  exploitAvailable?: string[];
}

/** Inspector2 `StringFilter` / `DateFilter` / `FilterCriteria`, the request shapes of the API reference. */
export interface StringFilter {
  comparison: 'EQUALS' | 'PREFIX' | 'NOT_EQUALS';
  value: string;
}
export interface DateFilter {
  startInclusive?: Date;
  endInclusive?: Date;
}
export type FilterCriteria = Partial<Record<Exclude<keyof VulnFilter, 'firstObservedAfter'>, StringFilter[]>> & {
  findingStatus?: StringFilter[];
  firstObservedAt?: DateFilter[];
};

function values(raw: string[] | undefined): string[] {
  return (raw ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function enumValues(raw: string[] | undefined, allowed: readonly string[], flag: string): string[] | undefined {
  const list = values(raw).map((v) => v.toUpperCase());
  for (const value of list) {
    if (!allowed.includes(value))
      throw new UserError(`unknown value "${value}" (use ${allowed.join(', ')})`, { field: flag });
  }
  return list.length > 0 ? [...new Set(list)] : undefined;
}

function patternValues(raw: string[] | undefined, pattern: RegExp, what: string, flag: string): string[] | undefined {
  const list = values(raw);
  for (const value of list) {
    if (!pattern.test(value)) throw new UserError(`"${value}" is not ${what}`, { field: flag });
  }
  return list.length > 0 ? [...new Set(list)] : undefined;
}

function firstSeenAfter(raw: string | undefined): Date | undefined {
  if (raw === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(raw) ? new Date(raw) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new UserError(`"${raw}" is not a date (use YYYY-MM-DD or an ISO 8601 timestamp)`, {
      field: '--first-seen-after',
    });
  }
  return date;
}

const ANY_TEXT = /^\S.*$/;

/** Turns the flags into a filter; an unknown or malformed value is a usage error naming the flag. */
export function parseFilter(options: FilterOptions): VulnFilter {
  const filter: VulnFilter = {
    severity: enumValues(options.severity, SEVERITIES, '--severity'),
    fixAvailable: enumValues(options.fixAvailable, FIX_AVAILABLE, '--fix-available'),
    findingType: enumValues(options.findingType, FINDING_TYPES, '--finding-type'),
    findingStatus: enumValues(options.status, FINDING_STATUSES, '--status'),
    resourceType: enumValues(options.resourceType, RESOURCE_TYPES, '--resource-type'),
    ec2InstanceImageId: patternValues(
      options.ami,
      /^ami-[0-9a-f]{8,17}$/,
      'an AMI id (ami-0123456789abcdef0)',
      '--ami',
    ),
    ecrImageRepositoryName: patternValues(options.ecrRepository, ANY_TEXT, 'a repository name', '--ecr-repository'),
    ecrImageTags: patternValues(options.ecrImageTag, ANY_TEXT, 'an image tag', '--ecr-image-tag'),
    lambdaFunctionName: patternValues(options.lambdaFunction, ANY_TEXT, 'a function name', '--lambda-function'),
    vulnerabilityId: patternValues(
      options.vulnerabilityId,
      /^[A-Za-z0-9][A-Za-z0-9._:-]+$/,
      'a vulnerability id (CVE-2024-3094)',
      '--vulnerability-id',
    ),
    awsAccountId: patternValues(options.account, /^\d{12}$/, 'an AWS account id (12 digits)', '--account'),
    firstObservedAfter: firstSeenAfter(options.firstSeenAfter),
    exploitAvailable: enumValues(options.exploitAvailable, EXPLOIT_AVAILABLE, '--exploit-available'),
  };
  for (const key of Object.keys(filter) as (keyof VulnFilter)[]) if (filter[key] === undefined) delete filter[key];
  return filter;
}

/** The filter as Inspector2 `filterCriteria` (ListFindings and CreateFindingsReport take the same shape). */
export function toFilterCriteria(filter: VulnFilter): FilterCriteria {
  const criteria: FilterCriteria = {};
  for (const [key, value] of Object.entries(filter) as [keyof VulnFilter, VulnFilter[keyof VulnFilter]][]) {
    if (key === 'firstObservedAfter') {
      criteria.firstObservedAt = [{ startInclusive: value as Date }];
    } else if (Array.isArray(value)) {
      criteria[key] = value.map((v) => ({ comparison: 'EQUALS', value: v }));
    }
  }
  return criteria;
}

function anyOf(wanted: string[] | undefined, actual: readonly (string | undefined)[]): boolean {
  return wanted === undefined || actual.some((value) => value !== undefined && wanted.includes(value));
}

/** The same filter applied to a finding read from a file. */
export function matchesFilter(finding: InspectorFinding, filter: VulnFilter): boolean {
  const resources = finding.resources;
  const details = resources.map((r) => r.details);
  return (
    anyOf(filter.severity, [finding.severity]) &&
    anyOf(filter.fixAvailable, [finding.fixAvailable]) &&
    anyOf(filter.findingType, [finding.type]) &&
    anyOf(filter.findingStatus, [finding.status]) &&
    anyOf(
      filter.resourceType,
      resources.map((r) => r.type),
    ) &&
    anyOf(
      filter.ec2InstanceImageId,
      details.map((d) => d?.awsEc2Instance?.imageId),
    ) &&
    anyOf(
      filter.ecrImageRepositoryName,
      details.map((d) => d?.awsEcrContainerImage?.repositoryName),
    ) &&
    anyOf(
      filter.ecrImageTags,
      details.flatMap((d) => d?.awsEcrContainerImage?.imageTags ?? []),
    ) &&
    anyOf(
      filter.lambdaFunctionName,
      details.map((d) => d?.awsLambdaFunction?.functionName),
    ) &&
    anyOf(filter.vulnerabilityId, [finding.packageVulnerabilityDetails?.vulnerabilityId]) &&
    anyOf(filter.awsAccountId, [finding.awsAccountId]) &&
    anyOf(filter.exploitAvailable, [finding.exploitAvailable]) &&
    (filter.firstObservedAfter === undefined ||
      finding.firstObservedAt.getTime() >= filter.firstObservedAfter.getTime())
  );
}
