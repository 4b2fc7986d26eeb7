import {
  BatchImportFindingsCommand,
  SecurityHubClient,
  type AwsSecurityFinding,
  type ImportFindingsError,
} from '@aws-sdk/client-securityhub';
import type { AwsClientSource } from '../aws/clients.ts';
import { AwsAccessError, redact } from '../errors.ts';
import { toAsffFindings, type AsffFinding } from '../report/asff.ts';
import type { ScanReport } from '../report/scan-report.ts';

/** BatchImportFindings takes at most 100 findings per call. */
export const BATCH_SIZE = 100;

/** Errors worth another try: the API's own throttling (LimitExceededException) and server faults. */
const TRANSIENT = new Set([
  'LimitExceededException',
  'ThrottlingException',
  'TooManyRequestsException',
  'Throttling',
  'InternalException',
  'InternalServerException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);

/** A finding Security Hub rejected as malformed will be rejected again: no retry. */
export function isPermanent(error: ImportFindingsError): boolean {
  return /InvalidInput|Validation|AccessDenied|InvalidAccess/i.test(error.ErrorCode ?? '');
}

export interface ImportOptions {
  /** attempts per batch, the first included */
  maxAttempts?: number;
  /** first back-off; doubles on each retry */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ImportSummary {
  sent: number;
  imported: number;
  calls: number;
  /** findings Security Hub still refused after every retry */
  failed: { id: string; errorCode: string; errorMessage: string }[];
}

function errorName(error: unknown): string {
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  if (typeof e.name === 'string' && e.name !== 'Error') return e.name;
  return e.$metadata?.httpStatusCode ? `HTTP${e.$metadata.httpStatusCode}` : 'UnknownError';
}

function isTransient(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return TRANSIENT.has(errorName(error)) || (status !== undefined && (status === 429 || status >= 500));
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Imports findings 100 at a time. A batch that is throttled is sent again after a back-off, and
 * so are the findings a successful call lists in `FailedFindings` (unless Security Hub called them
 * invalid). What still fails after every attempt is returned, never dropped silently.
 */
export async function importFindings(
  client: Pick<SecurityHubClient, 'send'>,
  findings: readonly AwsSecurityFinding[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelay = options.baseDelayMs ?? 500;
  const sleep = options.sleep ?? wait;
  const summary: ImportSummary = { sent: findings.length, imported: 0, calls: 0, failed: [] };
  for (let start = 0; start < findings.length; start += BATCH_SIZE) {
    let pending = findings.slice(start, start + BATCH_SIZE);
    let lastErrors: Map<string, ImportFindingsError> | undefined;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > 1) await sleep(baseDelay * 2 ** (attempt - 2));
      summary.calls += 1;
      let response;
      try {
        response = await client.send(new BatchImportFindingsCommand({ Findings: pending }));
      } catch (error) {
        if (!isTransient(error)) throw accessError(error);
        if (attempt >= maxAttempts) {
          const message = redact(error instanceof Error ? error.message : String(error));
          for (const f of pending)
            summary.failed.push({ id: f.Id ?? '', errorCode: errorName(error), errorMessage: message });
          break;
        }
        continue;
      }
      const failed = response.FailedFindings ?? [];
      summary.imported += pending.length - failed.length;
      lastErrors = new Map(failed.map((e) => [e.Id ?? '', e]));
      const permanent = failed.filter(isPermanent);
      for (const e of permanent)
        summary.failed.push({ id: e.Id ?? '', errorCode: e.ErrorCode ?? '', errorMessage: e.ErrorMessage ?? '' });
      const retry = new Set(failed.filter((e) => !isPermanent(e)).map((e) => e.Id));
      pending = pending.filter((f) => retry.has(f.Id));
      if (pending.length > 0 && attempt >= maxAttempts) {
        for (const f of pending) {
          const e = lastErrors.get(f.Id ?? '');
          summary.failed.push({
            id: f.Id ?? '',
            errorCode: e?.ErrorCode ?? 'Unknown',
            errorMessage: e?.ErrorMessage ?? '',
          });
        }
        break;
      }
    }
  }
  return summary;
}

function accessError(error: unknown): AwsAccessError {
  const name = errorName(error);
  const message = redact(error instanceof Error ? error.message : String(error));
  const hint =
    name === 'InvalidAccessException' || name === 'AccessDeniedException'
      ? ' (is Security Hub enabled in this region, and may these credentials call securityhub:BatchImportFindings?)'
      : '';
  return new AwsAccessError(`${message}${hint}`, name, 'securityhub:BatchImportFindings', { cause: error });
}

/** The report's results as Security Hub findings for one region (the region of the client). */
export function securityHubFindings(report: ScanReport, region: string): AwsSecurityFinding[] {
  const findings: AsffFinding[] = toAsffFindings(report, region);
  // the declared shape must stay assignable to the SDK's own type
  const typed: AwsSecurityFinding[] = findings;
  return typed;
}

/** The Security Hub client of one region, from the factory the scan uses (same credentials, profile and endpoint). */
export function securityHubClient(clients: AwsClientSource, region: string): SecurityHubClient {
  return clients.client(SecurityHubClient, region);
}
