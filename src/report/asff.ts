import { fingerprint } from '../findings/fingerprint.ts';
import type { Result } from '../findings/result.ts';
import type { Severity } from '../findings/severity.ts';
import { filledRemediation } from './remediation-values.ts';
import type { Formatter, ScanReport } from './scan-report.ts';

/**
 * AWS Security Finding Format, the shape `BatchImportFindings` takes. Declared here rather than
 * imported so that reports stay free of the AWS SDK; the exporter and the tests check that it is
 * assignable to the SDK's own `AwsSecurityFinding`.
 */
export interface AsffFinding {
  SchemaVersion: string;
  Id: string;
  ProductArn: string;
  ProductName: string;
  CompanyName: string;
  Region: string;
  GeneratorId: string;
  AwsAccountId: string;
  Types: string[];
  FirstObservedAt: string;
  LastObservedAt: string;
  CreatedAt: string;
  UpdatedAt: string;
  Severity: { Label: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'; Original: string };
  Title: string;
  Description: string;
  Remediation?: { Recommendation: { Text: string; Url?: string } };
  SourceUrl?: string;
  ProductFields: Record<string, string>;
  Resources: {
    Type: string;
    Id: string;
    Partition: 'aws' | 'aws-cn' | 'aws-us-gov';
    Region: string;
    Tags?: Record<string, string>;
  }[];
  Compliance: { Status: 'PASSED' | 'FAILED' | 'WARNING' | 'NOT_AVAILABLE'; RelatedRequirements?: string[] };
  Workflow: { Status: 'NEW' | 'NOTIFIED' | 'RESOLVED' | 'SUPPRESSED' };
  RecordState: 'ACTIVE' | 'ARCHIVED';
  Note?: { Text: string; UpdatedBy: string; UpdatedAt: string };
}

const LABEL: Record<Severity, AsffFinding['Severity']['Label']> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  info: 'INFORMATIONAL',
};

/** Security Hub's limits: Title 256, Description 1024, Recommendation.Text and Note.Text 512 characters. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function partitionOf(arn: string): AsffFinding['Resources'][number]['Partition'] {
  const partition = arn.split(':')[1];
  return partition === 'aws-cn' || partition === 'aws-us-gov' ? partition : 'aws';
}

/** Global resources (the account itself) are reported to us-east-1 unless a Security Hub region is given. */
export function findingRegion(result: Result, securityHubRegion?: string): string {
  if (securityHubRegion) return securityHubRegion;
  return result.resource.region && result.resource.region !== 'global' ? result.resource.region : 'us-east-1';
}

/**
 * An engine `unknown` (evidence unreadable: access denied, API error, not collected) cannot be
 * evaluated at all (NOT_AVAILABLE); a check that read the evidence but could not decide is a WARNING.
 */
function complianceStatus(result: Result): AsffFinding['Compliance']['Status'] {
  const status = result.status === 'accepted' ? result.acceptance?.originalStatus : result.status;
  if (status === 'pass') return 'PASSED';
  if (status === 'fail') return 'FAILED';
  return result.message.startsWith('cannot decide:') ? 'NOT_AVAILABLE' : 'WARNING';
}

function description(result: Result): string {
  const parts = [result.message];
  if (result.status === 'unknown' || result.acceptance?.originalStatus === 'unknown')
    parts.push(`Why unknown: ${result.reason ?? 'no verdict'}`);
  if (result.acceptance) {
    const a = result.acceptance;
    parts.push(
      `Risk accepted${a.acceptedBy ? ` by ${a.acceptedBy}` : ''}${a.expires ? ` until ${a.expires}` : ''}: ${a.reason} (${a.source})`,
    );
  }
  return clip(parts.join(' '), 1024);
}

/**
 * One finding per result. Id is the finding's fingerprint (check id + ARN), and every timestamp
 * is the evidence's collection time, so importing the same snapshot twice sends identical findings.
 */
export function toAsffFinding(
  result: Result,
  report: Pick<ScanReport, 'collectedAt'>,
  securityHubRegion?: string,
): AsffFinding {
  const region = findingRegion(result, securityHubRegion);
  const partition = partitionOf(result.resource.arn);
  const at = new Date(report.collectedAt).toISOString();
  const passed = result.status === 'pass';
  const finding: AsffFinding = {
    SchemaVersion: '2018-10-08',
    Id: fingerprint(result.checkId, result.resource.arn),
    ProductArn: `arn:${partition}:securityhub:${region}:${result.accountId}:product/${result.accountId}/default`,
    ProductName: 'cloudwarden',
    CompanyName: 'cloudwarden',
    Region: region,
    GeneratorId: result.checkId,
    AwsAccountId: result.accountId,
    Types: ['Software and Configuration Checks/AWS Security Best Practices'],
    FirstObservedAt: at,
    LastObservedAt: at,
    CreatedAt: at,
    UpdatedAt: at,
    // Security Hub's own controls report passed checks as INFORMATIONAL
    Severity: { Label: passed ? 'INFORMATIONAL' : LABEL[result.severity], Original: result.severity.toUpperCase() },
    Title: clip(result.title, 256),
    Description: description(result),
    ProductFields: {
      'cloudwarden/CheckId': result.checkId,
      'cloudwarden/Aliases': result.aliases.join(' ') || '-',
      'cloudwarden/Status': result.status,
    },
    Resources: [
      {
        Type: result.resource.type,
        Id: result.resource.arn,
        Partition: partition,
        Region: result.resource.region === 'global' ? region : result.resource.region,
        ...(result.tags && Object.keys(result.tags).length > 0 ? { Tags: { ...result.tags } } : {}),
      },
    ],
    Compliance: {
      Status: complianceStatus(result),
      ...(result.aliases.length > 0 ? { RelatedRequirements: [...result.aliases] } : {}),
    },
    Workflow: { Status: passed ? 'RESOLVED' : result.status === 'accepted' ? 'SUPPRESSED' : 'NEW' },
    RecordState: passed ? 'ARCHIVED' : 'ACTIVE',
  };
  const remediation = filledRemediation(result);
  if (remediation) {
    finding.Remediation = { Recommendation: { Text: clip(`AWS CLI: ${remediation.cli}`, 512) } };
    if (result.references[0]) finding.Remediation.Recommendation.Url = result.references[0];
  }
  if (result.references[0]) finding.SourceUrl = result.references[0];
  if (result.acceptance) {
    finding.Note = {
      Text: clip(
        `Risk accepted: ${result.acceptance.reason}${result.acceptance.expires ? ` (until ${result.acceptance.expires})` : ''}`,
        512,
      ),
      UpdatedBy: clip(result.acceptance.acceptedBy ?? 'cloudwarden accept file', 512),
      UpdatedAt: at,
    };
  }
  return finding;
}

export function toAsffFindings(report: ScanReport, securityHubRegion?: string): AsffFinding[] {
  return report.results.map((r) => toAsffFinding(r, report, securityHubRegion));
}

/** A JSON array of findings, ready for `aws securityhub batch-import-findings --findings file://…` (100 at a time). */
export const formatAsff: Formatter = (report, options) =>
  `${JSON.stringify(toAsffFindings(report, options.securityHubRegion), null, 2)}\n`;
