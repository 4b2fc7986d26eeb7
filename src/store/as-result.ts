/**
 * A stored finding as the formatters' Result: the check's metadata from the catalogue, the store's verdict, and a
 * message saying when it was first and last seen. Resolved findings read as `pass`, with how they were resolved.
 */
import { findChecks } from '../checks/catalogue.ts';
import type { Result } from '../findings/result.ts';
import { isSeverity } from '../findings/severity.ts';
import type { StoredFinding } from './queries.ts';

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

/** One stored finding as the formatters' Result: the check's metadata from the catalogue, the store's verdict. */
export function asResult(finding: StoredFinding): Result {
  const check = findChecks(finding.checkId)[0];
  const resolution =
    finding.status === 'resolved'
      ? `, resolved ${day(finding.resolvedAt)} (${finding.verdict === 'deleted' ? 'resource deleted' : 'pass'})`
      : '';
  const result: Result = {
    checkId: finding.checkId,
    aliases: check ? [...check.aliases] : [],
    title: finding.title,
    severity: isSeverity(finding.severity) ? finding.severity : 'info',
    status:
      finding.status === 'resolved'
        ? 'pass'
        : finding.status === 'accepted'
          ? 'accepted'
          : finding.verdict === 'unknown'
            ? 'unknown'
            : 'fail',
    resource: { arn: finding.resourceArn, type: finding.resourceType, region: finding.region },
    accountId: finding.accountId,
    message: `${finding.message} (first seen ${day(finding.firstSeen)}, last seen ${day(finding.lastSeen)}${resolution})`,
    references: check ? [...check.references] : [],
  };
  if (result.status === 'fail' && check) result.remediation = { ...check.remediation };
  if (result.status === 'unknown') result.reason = finding.message;
  return result;
}
