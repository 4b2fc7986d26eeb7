/**
 * `securityhub:` (or `securityhub:REGION`): BatchImportFindings, 100 findings per call. Posture findings go in as
 * `scan --securityhub` sends them (the same Id, so both paths update one finding); a resolved finding is archived.
 * Malware verdicts are findings of `s3-object-malware-free` on the object; detection alerts are findings of type
 * TTPs or Unusual Behaviors on the account, one per rule and event. Findings Security Hub lists as failed are
 * retried unless it called them invalid.
 */
import {
  BatchImportFindingsCommand,
  type AwsSecurityFinding,
  type SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { BATCH_SIZE, isPermanent } from '../export/securityhub.ts';
import { UserError } from '../errors.ts';
import { resultOf } from '../malware/findings.ts';
import { toAsffFinding } from '../report/asff.ts';
import { awsOutcome, allOf } from './aws-outcome.ts';
import type { Notice } from './notice.ts';
import type { Outcome, Transport } from './transport.ts';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function parseSecurityHubTarget(text: string, field: string): string | undefined {
  if (text === '') return undefined;
  if (!REGION.test(text))
    throw new UserError(`"${text}" is not a region (securityhub: or securityhub:REGION)`, { field });
  return text;
}

const LABEL = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFORMATIONAL' } as const;

/** MITRE ATT&CK tactic tags (`mitre_defense_evasion`) as ASFF TTPs types; other alerts are unusual API behaviour. */
const TACTICS: Record<string, string> = {
  mitre_initial_access: 'Initial Access',
  mitre_execution: 'Execution',
  mitre_persistence: 'Persistence',
  mitre_privilege_escalation: 'Privilege Escalation',
  mitre_defense_evasion: 'Defense Evasion',
  mitre_credential_access: 'Credential Access',
  mitre_discovery: 'Discovery',
  mitre_lateral_movement: 'Lateral Movement',
  mitre_collection: 'Collection',
  mitre_command_and_control: 'Command and Control',
  mitre_exfiltration: 'Exfiltration',
  mitre_impact: 'Impact',
};

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function partitionOf(region: string): 'aws' | 'aws-cn' | 'aws-us-gov' {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function productArn(region: string, account: string): string {
  return `arn:${partitionOf(region)}:securityhub:${region}:${account}:product/${account}/default`;
}

export function alertFinding(
  notice: Notice & { origin: { kind: 'alert' } },
  region: string,
  account: string,
): AwsSecurityFinding {
  const { alert } = notice.origin;
  const partition = partitionOf(region);
  const types = alert.tags.flatMap((t) => (TACTICS[t] ? [`TTPs/${TACTICS[t]}`] : []));
  const fields: Record<string, string> = {
    'cloudwarden/Rule': clip(alert.rule, 2048),
    'cloudwarden/Priority': alert.priority,
    'cloudwarden/EventID': alert.eventID ?? '-',
    'cloudwarden/EventName': alert.eventName ?? '-',
    'cloudwarden/Tags': clip(alert.tags.join(' ') || '-', 2048),
  };
  return {
    SchemaVersion: '2018-10-08',
    Id: `cloudwarden/alert/${notice.fingerprint}`,
    ProductArn: productArn(region, account),
    ProductName: 'cloudwarden',
    CompanyName: 'cloudwarden',
    Region: region,
    GeneratorId: clip(`cloudwarden-detect/${alert.rule}`, 512),
    AwsAccountId: account,
    Types: types.length > 0 ? types : ['Unusual Behaviors/User'],
    FirstObservedAt: alert.time,
    LastObservedAt: alert.time,
    CreatedAt: alert.time,
    UpdatedAt: alert.time,
    Severity: { Label: LABEL[notice.severity], Original: alert.priority },
    Title: clip(alert.rule, 256),
    Description: clip(alert.output, 1024),
    ProductFields: fields,
    Resources: [
      { Type: 'AwsAccount', Id: `AWS::::Account:${account}`, Partition: partition, Region: alert.awsRegion ?? region },
    ],
    Workflow: { Status: 'NEW' },
    RecordState: 'ACTIVE',
  };
}

/** The ASFF finding of a notice; `account` stands in where the notice names none (a malware verdict). */
export function noticeFinding(notice: Notice, region: string, account: string): AwsSecurityFinding {
  const origin = notice.origin;
  if (origin.kind === 'alert') return alertFinding({ ...notice, origin }, region, notice.account ?? account);
  if (origin.kind === 'malware') {
    const result = { ...resultOf(origin.verdict), accountId: account };
    return toAsffFinding(result, { collectedAt: origin.verdict.scannedAt }, region);
  }
  const finding: AwsSecurityFinding = toAsffFinding(origin.result, { collectedAt: origin.collectedAt }, region);
  if (notice.kind === 'finding-resolved') {
    finding.Workflow = { Status: 'RESOLVED' };
    finding.RecordState = 'ARCHIVED';
  }
  return finding;
}

export class SecurityHubTransport implements Transport {
  readonly label = 'securityhub';
  readonly shown: string;
  readonly maxBatch = BATCH_SIZE;
  readonly concurrency = 1;

  constructor(
    private readonly region: string,
    private readonly client: (region: string) => Promise<Pick<SecurityHubClient, 'send'>>,
    /** the caller's account (STS GetCallerIdentity), asked only when a notice names no account */
    private readonly callerAccount: () => Promise<string>,
  ) {
    this.shown = region;
  }

  async send(notices: readonly Notice[]): Promise<Outcome[]> {
    let findings: AwsSecurityFinding[];
    try {
      const needsCaller = notices.some((n) => n.account === null || n.kind === 'malware');
      const account = needsCaller ? await this.callerAccount() : '';
      findings = notices.map((n) => noticeFinding(n, this.region, account));
    } catch (error) {
      return allOf(notices.length, awsOutcome(error, 'sts:GetCallerIdentity'));
    }
    let response;
    try {
      response = await (await this.client(this.region)).send(new BatchImportFindingsCommand({ Findings: findings }));
    } catch (error) {
      return allOf(notices.length, awsOutcome(error, 'securityhub:BatchImportFindings'));
    }
    const failed = new Map((response.FailedFindings ?? []).map((f) => [f.Id, f]));
    return findings.map((finding): Outcome => {
      const error = failed.get(finding.Id);
      if (!error) return { status: 'ok' };
      const reason = `${error.ErrorCode ?? 'FailedFinding'} on securityhub:BatchImportFindings${error.ErrorMessage ? `: ${error.ErrorMessage}` : ''}`;
      return isPermanent(error) ? { status: 'failed', reason } : { status: 'retry', reason };
    });
  }
}
