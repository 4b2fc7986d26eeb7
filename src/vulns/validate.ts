import { UserError } from '../errors.ts';
import type { InspectorFinding } from './finding.ts';

/**
 * Checks that a value is an Inspector finding and turns its timestamps into `Date`s, in place.
 * Findings arrive from the SDK (timestamps already `Date`), from `aws inspector2 list-findings`
 * (ISO 8601 text, or epoch seconds with `cli_timestamp_format = none`) and from our own JSON
 * reports (ISO 8601). A hand-written check rather than a schema library: it runs once per finding
 * on million-finding reports.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function toDate(value: unknown, field: string): Date {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number') date = new Date(value * 1000);
  else if (typeof value === 'string' && value !== '') date = new Date(value);
  if (!date || Number.isNaN(date.getTime())) {
    throw new UserError(`${JSON.stringify(value) ?? 'undefined'} is not a timestamp (ISO 8601 text or epoch seconds)`, { field });
  }
  return date;
}

function convertOptionalDate(holder: unknown, key: string, field: string): void {
  if (!isRecord(holder) || holder[key] === undefined || holder[key] === null) return;
  holder[key] = toDate(holder[key], `${field}.${key}`);
}

function requireString(record: Record<string, unknown>, key: string, field: string): void {
  if (typeof record[key] !== 'string' || record[key] === '') {
    throw new UserError(`missing ${key} (an Inspector finding has ${key} as a non-empty string)`, { field: `${field}.${key}` });
  }
}

/** `field` names the finding in messages, e.g. `findings[12]`. */
export function asFinding(value: unknown, field: string): InspectorFinding {
  if (!isRecord(value)) throw new UserError('a finding must be a JSON object', { field });
  for (const key of ['findingArn', 'awsAccountId', 'type', 'severity', 'status']) requireString(value, key, field);
  if (typeof value.description !== 'string') {
    throw new UserError('missing description (an Inspector finding has description as a string)', { field: `${field}.description` });
  }
  value.firstObservedAt = toDate(value.firstObservedAt, `${field}.firstObservedAt`);
  value.lastObservedAt = toDate(value.lastObservedAt, `${field}.lastObservedAt`);
  convertOptionalDate(value, 'updatedAt', field);
  convertOptionalDate(value.packageVulnerabilityDetails, 'vendorCreatedAt', `${field}.packageVulnerabilityDetails`);
  convertOptionalDate(value.packageVulnerabilityDetails, 'vendorUpdatedAt', `${field}.packageVulnerabilityDetails`);
  convertOptionalDate(value.exploitabilityDetails, 'lastKnownExploitAt', `${field}.exploitabilityDetails`);
  const resources = value.resources;
  if (!Array.isArray(resources) || resources.length === 0) {
    throw new UserError('missing resources (an Inspector finding names 1 to 10 resources)', { field: `${field}.resources` });
  }
  resources.forEach((resource, index) => {
    const at = `${field}.resources[${index}]`;
    if (!isRecord(resource)) throw new UserError('a resource must be a JSON object', { field: at });
    requireString(resource, 'type', at);
    requireString(resource, 'id', at);
    const details = resource.details;
    if (!isRecord(details)) return;
    convertOptionalDate(details.awsEc2Instance, 'launchedAt', `${at}.details.awsEc2Instance`);
    convertOptionalDate(details.awsEcrContainerImage, 'pushedAt', `${at}.details.awsEcrContainerImage`);
    convertOptionalDate(details.awsEcrContainerImage, 'lastInUseAt', `${at}.details.awsEcrContainerImage`);
    convertOptionalDate(details.awsLambdaFunction, 'lastModifiedAt', `${at}.details.awsLambdaFunction`);
  });
  return value as unknown as InspectorFinding;
}
