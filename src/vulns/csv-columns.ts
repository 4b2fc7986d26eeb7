import ipaddr from 'ipaddr.js';
import { primaryResource, type CvssScore, type InspectorFinding } from './finding.ts';

/**
 * The columns of Amazon Inspector's CSV findings report, in its order and with its header names
 * (Amazon Inspector User Guide, "Exporting findings reports"; the same list as seed 003).
 * Each column maps one finding to one cell; docs/vulns.md says where every value comes from.
 */

export interface CsvContext {
  /** when the report is made: `Age (Days)` counts from First Seen to this instant */
  now: Date;
}

type Cell = string | number | undefined;

interface Column {
  header: string;
  value: (finding: InspectorFinding, context: CsvContext) => Cell;
}

const DAY_MS = 86_400_000;

/** Lists are joined with a comma, as in Inspector's report. */
function list(values: readonly (string | undefined)[] | undefined): string | undefined {
  const present = (values ?? []).filter((v): v is string => v !== undefined && v !== '');
  return present.length > 0 ? present.join(',') : undefined;
}

/** Timestamps are ISO 8601 in UTC with milliseconds, the form Inspector's reports and the API use. */
export function isoTimestamp(date: Date | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}

/** CVSS scores have one decimal by definition (7.0, not 7). */
function score(value: number | undefined): string | undefined {
  return value === undefined ? undefined : value.toFixed(1);
}

function ec2(finding: InspectorFinding) {
  return primaryResource(finding)?.details?.awsEc2Instance;
}
function ecr(finding: InspectorFinding) {
  return primaryResource(finding)?.details?.awsEcrContainerImage;
}
function lambda(finding: InspectorFinding) {
  return primaryResource(finding)?.details?.awsLambdaFunction;
}
function packages(finding: InspectorFinding) {
  return finding.packageVulnerabilityDetails?.vulnerablePackages ?? [];
}

function cvssOf(finding: InspectorFinding, source: string | undefined, major: '2' | '3'): CvssScore | undefined {
  if (!source) return undefined;
  return finding.packageVulnerabilityDetails?.cvss?.find(
    (c) => c.source === source && (c.version ?? '').startsWith(major),
  );
}

/** `version-release`, with the RPM/DEB epoch as `epoch:` when it is not 0. */
function installedVersion(pkg: { version?: string; release?: string; epoch?: number }): string | undefined {
  if (!pkg.version) return undefined;
  const epoch = pkg.epoch ? `${pkg.epoch}:` : '';
  return `${epoch}${pkg.version}${pkg.release ? `-${pkg.release}` : ''}`;
}

/** Whether an address is public, remembered: a fleet repeats the same few thousand addresses. */
const publicByAddress = new Map<string, boolean>();
const ADDRESS_CACHE_LIMIT = 10_000;

function isPublicIpv4(address: string): boolean {
  let known = publicByAddress.get(address);
  if (known === undefined) {
    known = ipaddr.IPv4.isValid(address) && ipaddr.IPv4.parse(address).range() === 'unicast';
    if (publicByAddress.size >= ADDRESS_CACHE_LIMIT) publicByAddress.clear();
    publicByAddress.set(address, known);
  }
  return known;
}

function ipv4Addresses(finding: InspectorFinding, wantPublic: boolean): string | undefined {
  return list((ec2(finding)?.ipV4Addresses ?? []).filter((address) => isPublicIpv4(address) === wantPublic));
}

function tags(finding: InspectorFinding): string | undefined {
  const entries = Object.entries(primaryResource(finding)?.tags ?? {});
  return list(entries.map(([key, value]) => `${key}=${value}`));
}

function filePath(finding: InspectorFinding): string | undefined {
  if (finding.codeVulnerabilityDetails?.filePath?.filePath) return finding.codeVulnerabilityDetails.filePath.filePath;
  return list(packages(finding).map((p) => p.filePath));
}

function portRange(finding: InspectorFinding): string | undefined {
  const range = finding.networkReachabilityDetails?.openPortRange;
  if (range?.begin === undefined || range.end === undefined) return undefined;
  return `${range.begin}-${range.end}`;
}

const vendor = (f: InspectorFinding) => f.packageVulnerabilityDetails?.source;

export const INSPECTOR_CSV_COLUMNS: readonly Column[] = [
  { header: 'AWS Account Id', value: (f) => f.awsAccountId },
  { header: 'Severity', value: (f) => f.severity },
  { header: 'Fix Available', value: (f) => f.fixAvailable },
  { header: 'Finding Type', value: (f) => f.type },
  { header: 'Title', value: (f) => f.title },
  { header: 'Description', value: (f) => f.description },
  { header: 'Finding ARN', value: (f) => f.findingArn },
  { header: 'First Seen', value: (f) => isoTimestamp(f.firstObservedAt) },
  { header: 'Last Seen', value: (f) => isoTimestamp(f.lastObservedAt) },
  { header: 'Last Updated', value: (f) => isoTimestamp(f.updatedAt) },
  { header: 'Resource ID', value: (f) => primaryResource(f)?.id },
  { header: 'Container Image Tags', value: (f) => list(ecr(f)?.imageTags) },
  { header: 'Region', value: (f) => primaryResource(f)?.region },
  { header: 'Platform', value: (f) => ec2(f)?.platform ?? ecr(f)?.platform ?? lambda(f)?.runtime },
  { header: 'Resource Tags', value: tags },
  { header: 'Affected Packages', value: (f) => list(packages(f).map((p) => p.name)) },
  { header: 'Package Installed Version', value: (f) => list(packages(f).map(installedVersion)) },
  { header: 'Fixed in Version', value: (f) => list(packages(f).map((p) => p.fixedInVersion)) },
  { header: 'Package Remediation', value: (f) => list(packages(f).map((p) => p.remediation)) },
  { header: 'File Path', value: filePath },
  {
    header: 'Network Paths',
    value: (f) => list(f.networkReachabilityDetails?.networkPath?.steps?.map((s) => s.componentId)),
  },
  {
    header: 'Age (Days)',
    value: (f, c) => Math.max(0, Math.floor((c.now.getTime() - f.firstObservedAt.getTime()) / DAY_MS)),
  },
  { header: 'Remediation', value: (f) => f.remediation?.recommendation?.text },
  { header: 'Inspector Score', value: (f) => score(f.inspectorScore) },
  { header: 'Inspector Score Vector', value: (f) => f.inspectorScoreDetails?.adjustedCvss?.scoringVector },
  { header: 'Status', value: (f) => f.status },
  {
    header: 'Vulnerability Id',
    value: (f) => f.packageVulnerabilityDetails?.vulnerabilityId ?? f.codeVulnerabilityDetails?.ruleId,
  },
  { header: 'Vendor', value: vendor },
  { header: 'Vendor Severity', value: (f) => f.packageVulnerabilityDetails?.vendorSeverity },
  { header: 'Vendor Advisory', value: (f) => f.packageVulnerabilityDetails?.sourceUrl },
  { header: 'Vendor Advisory Published', value: (f) => isoTimestamp(f.packageVulnerabilityDetails?.vendorCreatedAt) },
  { header: 'NVD CVSS3 Score', value: (f) => score(cvssOf(f, 'NVD', '3')?.baseScore) },
  { header: 'NVD CVSS3 Vector', value: (f) => cvssOf(f, 'NVD', '3')?.scoringVector },
  { header: 'NVD CVSS2 Score', value: (f) => score(cvssOf(f, 'NVD', '2')?.baseScore) },
  { header: 'NVD CVSS2 Vector', value: (f) => cvssOf(f, 'NVD', '2')?.scoringVector },
  { header: 'Vendor CVSS3 Score', value: (f) => score(cvssOf(f, vendor(f), '3')?.baseScore) },
  { header: 'Vendor CVSS3 Vector', value: (f) => cvssOf(f, vendor(f), '3')?.scoringVector },
  { header: 'Vendor CVSS2 Score', value: (f) => score(cvssOf(f, vendor(f), '2')?.baseScore) },
  { header: 'Vendor CVSS2 Vector', value: (f) => cvssOf(f, vendor(f), '2')?.scoringVector },
  { header: 'Resource Type', value: (f) => primaryResource(f)?.type },
  { header: 'Ami', value: (f) => ec2(f)?.imageId },
  { header: 'Resource Public Ipv4', value: (f) => ipv4Addresses(f, true) },
  { header: 'Resource Private Ipv4', value: (f) => ipv4Addresses(f, false) },
  { header: 'Resource Ipv6', value: (f) => list(ec2(f)?.ipV6Addresses) },
  { header: 'Resource Vpc', value: (f) => ec2(f)?.vpcId ?? lambda(f)?.vpcConfig?.vpcId },
  { header: 'Port Range', value: portRange },
  { header: 'Exploit Available', value: (f) => f.exploitAvailable },
  { header: 'Last Exploited At', value: (f) => isoTimestamp(f.exploitabilityDetails?.lastKnownExploitAt) },
  { header: 'Lambda Layers', value: (f) => list(lambda(f)?.layers) },
  { header: 'Lambda Package Type', value: (f) => lambda(f)?.packageType },
  { header: 'Lambda Last Updated At', value: (f) => isoTimestamp(lambda(f)?.lastModifiedAt) },
  {
    header: 'Reference Urls',
    value: (f) => list(f.packageVulnerabilityDetails?.referenceUrls ?? f.codeVulnerabilityDetails?.referenceUrls),
  },
];

export const INSPECTOR_CSV_HEADER: readonly string[] = INSPECTOR_CSV_COLUMNS.map((c) => c.header);

export function csvRow(finding: InspectorFinding, context: CsvContext): Cell[] {
  return INSPECTOR_CSV_COLUMNS.map((column) => column.value(finding, context));
}
