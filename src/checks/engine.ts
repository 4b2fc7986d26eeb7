import { OPERATIONS, RESOURCE_TYPE_NAMES, resourcesOf, type AccountState, type Resource } from '../model/account-state.ts';
import { unreadableReason } from '../model/observed.ts';
import type { Result } from '../findings/result.ts';
import type { Check, Verdict } from './define-check.ts';

function tagsOf(resource: Resource): Record<string, string> | undefined {
  if (resource.kind === 's3-bucket' && resource.tags.kind === 'present') return resource.tags.value;
  return undefined;
}

/** Runs one check on one resource, turning unreadable evidence into `unknown` before `evaluate` sees it. */
export function evaluateOn(check: Check, resource: Resource, state: AccountState): Verdict {
  const reasons = check.needs.flatMap((op) => {
    const reason = unreadableReason(OPERATIONS[op].read(state, resource));
    return reason ? [reason] : [];
  });
  if (reasons.length > 0) {
    return { status: 'unknown', message: `cannot decide: ${reasons.join('; ')}`, reason: reasons.join('; ') };
  }
  return check.evaluate(resource as never, { state });
}

export function toResult(check: Check, resource: Resource, state: AccountState, verdict: Verdict): Result {
  const result: Result = {
    checkId: check.id,
    aliases: [...check.aliases],
    title: check.title,
    severity: check.severity,
    status: verdict.status,
    resource: { arn: resource.arn, type: RESOURCE_TYPE_NAMES[resource.kind], region: resource.region },
    accountId: state.accountId,
    message: verdict.message,
    references: [...check.references],
  };
  if (verdict.status === 'unknown') result.reason = verdict.reason;
  if (verdict.status === 'fail') result.remediation = { ...check.remediation };
  const tags = tagsOf(resource);
  if (tags) result.tags = tags;
  return result;
}

/** Every check on every resource of its kind, in a stable order (resource ARN, then check id). */
export function runChecks(checks: readonly Check[], state: AccountState): Result[] {
  const results: Result[] = [];
  for (const check of checks) {
    for (const resource of resourcesOf(state, check.resource)) {
      results.push(toResult(check, resource, state, evaluateOn(check, resource, state)));
    }
  }
  return results.sort((a, b) => a.resource.arn.localeCompare(b.resource.arn) || a.checkId.localeCompare(b.checkId));
}
