import { UserError } from '../errors.ts';
import type { InspectorFinding } from './finding.ts';

/**
 * Checks that a value is an Inspector finding and turns its timestamps into `Date`s, in place.
 * Findings arrive from the SDK (timestamps already `Date`), from `aws inspector2 list-findings`
 * (ISO 8601 text, or epoch seconds with `cli_timestamp_format = none`) and from our own JSON
 * reports (ISO 8601). A hand-written check rather than a schema library: it runs once per finding
 * on million-finding reports (a zod schema of the same fields cost about 15 times as much).
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
    throw new UserError(`${JSON.stringify(value) ?? 'undefined'} is not a timestamp (ISO 8601 text or epoch seconds)`, {
      field,
    });
  }
  return date;
}

function convertOptionalDate(holder: unknown, key: string, field: string): void {
  if (!isRecord(holder) || holder[key] === undefined || holder[key] === null) return;
  holder[key] = toDate(holder[key], `${field}.${key}`);
}

function requireString(record: Record<string, unknown>, key: string, field: string): void {
  if (typeof record[key] !== 'string' || record[key] === '') {
    throw new UserError(`missing ${key} (an Inspector finding has ${key} as a non-empty string)`, {
      field: `${field}.${key}`,
    });
  }
}

/** The type of an optional field a report format reads; an object or a one-element array (of objects) nests. */
type Shape = 'string' | 'number' | 'strings' | 'tags' | Fields | readonly [Fields];
interface Fields {
  readonly [key: string]: Shape;
}

const STRING = 'string';
const NUMBER = 'number';

/**
 * Every optional field a report format reads, with its type: a string where a number belongs
 * (`inspectorScore: "high"`) would otherwise reach `toFixed` and crash the report half-way.
 */
const FORMATTED_FIELDS: Fields = {
  title: STRING,
  fixAvailable: STRING,
  exploitAvailable: STRING,
  inspectorScore: NUMBER,
  inspectorScoreDetails: { adjustedCvss: { score: NUMBER, scoringVector: STRING } },
  epss: { score: NUMBER },
  remediation: { recommendation: { text: STRING } },
  networkReachabilityDetails: {
    protocol: STRING,
    openPortRange: { begin: NUMBER, end: NUMBER },
    networkPath: { steps: [{ componentId: STRING }] },
  },
  packageVulnerabilityDetails: {
    vulnerabilityId: STRING,
    source: STRING,
    sourceUrl: STRING,
    vendorSeverity: STRING,
    referenceUrls: 'strings',
    cvss: [{ baseScore: NUMBER, scoringVector: STRING, version: STRING, source: STRING }],
    vulnerablePackages: [
      {
        name: STRING,
        version: STRING,
        epoch: NUMBER,
        release: STRING,
        filePath: STRING,
        fixedInVersion: STRING,
        remediation: STRING,
      },
    ],
  },
  codeVulnerabilityDetails: {
    ruleId: STRING,
    referenceUrls: 'strings',
    filePath: { filePath: STRING, startLine: NUMBER, endLine: NUMBER },
  },
};

const FORMATTED_RESOURCE_FIELDS: Fields = {
  region: STRING,
  tags: 'tags',
  details: {
    awsEc2Instance: {
      platform: STRING,
      imageId: STRING,
      vpcId: STRING,
      ipV4Addresses: 'strings',
      ipV6Addresses: 'strings',
    },
    awsEcrContainerImage: { repositoryName: STRING, imageTags: 'strings', platform: STRING },
    awsLambdaFunction: {
      functionName: STRING,
      runtime: STRING,
      layers: 'strings',
      packageType: STRING,
      vpcConfig: { vpcId: STRING },
    },
  },
};

function describeShape(shape: Shape): string {
  if (shape === 'strings') return 'a list of strings';
  if (shape === 'tags') return 'an object of string values';
  if (typeof shape === 'string') return `a ${shape}`;
  return Array.isArray(shape) ? 'a list' : 'an object';
}

function fits(value: unknown, shape: Shape): boolean {
  if (shape === STRING) return typeof value === 'string';
  if (shape === NUMBER) return typeof value === 'number' && Number.isFinite(value);
  if (shape === 'strings') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (shape === 'tags') return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
  return Array.isArray(shape) ? Array.isArray(value) : isRecord(value);
}

/** Checks `holder`'s fields against `shape`; a null field is taken as absent (and removed) as the formats expect. */
function checkFields(holder: Record<string, unknown>, shape: Fields, field: string): void {
  for (const [key, inner] of Object.entries(shape)) {
    const value = holder[key];
    if (value === undefined) continue;
    if (value === null) {
      delete holder[key];
      continue;
    }
    const at = `${field}.${key}`;
    if (!fits(value, inner))
      throw new UserError(`${JSON.stringify(value)} is not ${describeShape(inner)}`, { field: at });
    if (Array.isArray(inner)) {
      const element = (inner as readonly [Fields])[0];
      (value as unknown[]).forEach((item, index) => {
        if (!isRecord(item))
          throw new UserError(`${JSON.stringify(item)} is not an object`, { field: `${at}[${index}]` });
        checkFields(item, element, `${at}[${index}]`);
      });
    } else if (typeof inner === 'object') {
      checkFields(value as Record<string, unknown>, inner as Fields, at);
    }
  }
}

/** `field` names the finding in messages, e.g. `findings[12]`. */
export function asFinding(value: unknown, field: string): InspectorFinding {
  if (!isRecord(value)) throw new UserError('a finding must be a JSON object', { field });
  for (const key of ['findingArn', 'awsAccountId', 'type', 'severity', 'status']) requireString(value, key, field);
  if (typeof value.description !== 'string') {
    throw new UserError('missing description (an Inspector finding has description as a string)', {
      field: `${field}.description`,
    });
  }
  value.firstObservedAt = toDate(value.firstObservedAt, `${field}.firstObservedAt`);
  value.lastObservedAt = toDate(value.lastObservedAt, `${field}.lastObservedAt`);
  convertOptionalDate(value, 'updatedAt', field);
  convertOptionalDate(value.packageVulnerabilityDetails, 'vendorCreatedAt', `${field}.packageVulnerabilityDetails`);
  convertOptionalDate(value.packageVulnerabilityDetails, 'vendorUpdatedAt', `${field}.packageVulnerabilityDetails`);
  convertOptionalDate(value.exploitabilityDetails, 'lastKnownExploitAt', `${field}.exploitabilityDetails`);
  checkFields(value, FORMATTED_FIELDS, field);
  const resources = value.resources;
  if (!Array.isArray(resources) || resources.length === 0) {
    throw new UserError('missing resources (an Inspector finding names 1 to 10 resources)', {
      field: `${field}.resources`,
    });
  }
  resources.forEach((resource, index) => {
    const at = `${field}.resources[${index}]`;
    if (!isRecord(resource)) throw new UserError('a resource must be a JSON object', { field: at });
    requireString(resource, 'type', at);
    requireString(resource, 'id', at);
    checkFields(resource, FORMATTED_RESOURCE_FIELDS, at);
    const details = resource.details;
    if (!isRecord(details)) return;
    convertOptionalDate(details.awsEc2Instance, 'launchedAt', `${at}.details.awsEc2Instance`);
    convertOptionalDate(details.awsEcrContainerImage, 'pushedAt', `${at}.details.awsEcrContainerImage`);
    convertOptionalDate(details.awsEcrContainerImage, 'lastInUseAt', `${at}.details.awsEcrContainerImage`);
    convertOptionalDate(details.awsLambdaFunction, 'lastModifiedAt', `${at}.details.awsLambdaFunction`);
  });
  return value as unknown as InspectorFinding;
}
