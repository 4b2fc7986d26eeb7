import {
  OPERATIONS,
  resourceTypeName,
  resourcesOf,
  type AccountState,
  type Gap,
  type Resource,
} from '../model/account-state.ts';
import { unreadableReason } from '../model/observed.ts';
import type { Result } from '../findings/result.ts';
import type { Check, Verdict } from './define-check.ts';
import { defaultOptions, type CheckOptions } from './options.ts';

function tagsOf(resource: Resource): Record<string, string> | undefined {
  if (resource.kind === 's3-bucket' && resource.tags.kind === 'present') return resource.tags.value;
  return undefined;
}

/**
 * Runs one check on one resource, turning unreadable evidence into `unknown` before `evaluate` sees it.
 * `options` are the check's resolved options (its defaults unless a config file set them).
 */
export function evaluateOn(
  check: Check,
  resource: Resource,
  state: AccountState,
  options: object = defaultOptions(check),
): Verdict {
  const reasons = check.needs.flatMap((op) => {
    const reason = unreadableReason(OPERATIONS[op].read(state, resource));
    return reason ? [reason] : [];
  });
  if (reasons.length > 0) {
    const hint = check.unknownHint ? ` (${check.unknownHint})` : '';
    return { status: 'unknown', message: `cannot decide: ${reasons.join('; ')}${hint}`, reason: reasons.join('; ') };
  }
  return check.evaluate(resource as never, { state, options });
}

export function toResult(check: Check, resource: Resource, state: AccountState, verdict: Verdict): Result {
  const result: Result = {
    checkId: check.id,
    aliases: [...check.aliases],
    title: check.title,
    severity: check.severity,
    status: verdict.status,
    resource: { arn: resource.arn, type: resourceTypeName(resource.kind, resource.arn), region: resource.region },
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

function gapResult(check: Check, gap: Gap, state: AccountState): Result {
  return {
    checkId: check.id,
    aliases: [...check.aliases],
    title: check.title,
    severity: check.severity,
    status: 'unknown',
    resource: { arn: gap.arn, type: resourceTypeName(gap.kind, gap.arn), region: gap.region },
    accountId: state.accountId,
    message: `cannot decide: ${gap.reason}`,
    reason: gap.reason,
    references: [...check.references],
  };
}

/**
 * Every check on every resource of its kind, in a stable order (resource ARN, then check id).
 * Checks of services the snapshot has no section for are not run (`notCollected` says which);
 * resources hidden by a failed listing (gaps) are `unknown`, never silently absent.
 * `configured` holds the options a config file set, by check id; other checks run with their defaults.
 */
export function runChecks(
  checks: readonly Check[],
  state: AccountState,
  configured: CheckOptions = new Map(),
): Result[] {
  const results: Result[] = [];
  for (const check of checks) {
    if (!state.collectedServices.includes(check.service)) continue;
    const options = configured.get(check.id) ?? defaultOptions(check);
    for (const resource of resourcesOf(state, check.resource, check.service)) {
      results.push(toResult(check, resource, state, evaluateOn(check, resource, state, options)));
    }
    for (const gap of state.gaps) {
      if (gap.kind === check.resource) results.push(gapResult(check, gap, state));
    }
  }
  return results.sort((a, b) => a.resource.arn.localeCompare(b.resource.arn) || a.checkId.localeCompare(b.checkId));
}

/** Services whose checks were asked for but whose evidence the snapshot does not hold. */
export function servicesNotCollected(checks: readonly Check[], state: AccountState): string[] {
  return [...new Set(checks.map((c) => c.service))].filter((s) => !state.collectedServices.includes(s)).sort();
}
