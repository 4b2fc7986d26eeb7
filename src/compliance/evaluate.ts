import type { Result } from '../findings/result.ts';
import type { NonDefaultCheckOptions } from '../report/scan-report.ts';
import type { Control, Framework } from './framework.ts';

export type ControlStatus = 'pass' | 'fail' | 'unknown' | 'accepted' | 'manual';

export interface ControlOutcome {
  control: Control;
  status: ControlStatus;
  /** why the control is unknown or manual */
  reason?: string;
  /** distinct resources (ARNs) per outcome of the control's checks */
  failedResources: string[];
  unknownResources: string[];
  acceptedResources: string[];
  passedResources: string[];
  /** the control's checks that ran with non-default options (`--config`): its status is not the framework's default verdict */
  nonDefaultOptions: string[];
}

export interface ComplianceReport {
  framework: Pick<Framework, 'name' | 'title' | 'version' | 'scope'>;
  accountId: string;
  generatedAt: string;
  collectedAt: string;
  summary: Record<ControlStatus, number>;
  controls: ControlOutcome[];
  /** the non-default check options that decided some control of this framework */
  nonDefaultCheckOptions: NonDefaultCheckOptions[];
}

function distinct(results: Result[], status: Result['status']): string[] {
  return [...new Set(results.filter((r) => r.status === status).map((r) => r.resource.arn))].sort();
}

/** Who accepted what, why and until when: `accepted by alice until 2026-12-31: legacy bucket (2 resources)`. */
function acceptedReason(results: readonly Result[]): string {
  const byDecision = new Map<string, number>();
  for (const r of results) {
    if (r.status !== 'accepted' || !r.acceptance) continue;
    const a = r.acceptance;
    const key = `accepted${a.acceptedBy ? ` by ${a.acceptedBy}` : ''}${a.expires ? ` until ${a.expires}` : ''}: ${a.reason}`;
    byDecision.set(key, (byDecision.get(key) ?? 0) + 1);
  }
  return [...byDecision].map(([key, n]) => `${key} (${n} resource${n === 1 ? '' : 's'})`).join('; ');
}

/**
 * A control passes when every one of its checks passes on every resource, fails when any fails,
 * is unknown when any is unknown (or did not run) and none fails, and is manual when no check
 * decides it. A control whose only failures are accepted is `accepted`, with who, why and until when.
 */
export function evaluateControl(
  control: Control,
  results: readonly Result[],
  changedChecks: readonly string[] = [],
): ControlOutcome {
  const mine = results.filter((r) => control.checks.includes(r.checkId));
  const outcome: ControlOutcome = {
    control,
    status: 'pass',
    failedResources: distinct(mine, 'fail'),
    unknownResources: distinct(mine, 'unknown'),
    acceptedResources: distinct(mine, 'accepted'),
    passedResources: distinct(mine, 'pass'),
    nonDefaultOptions: control.checks.filter((id) => changedChecks.includes(id)),
  };
  if (control.checks.length === 0) {
    return { ...outcome, status: 'manual', reason: 'no automated check: verify by hand' };
  }
  const silent = control.checks.filter((id) => !mine.some((r) => r.checkId === id));
  if (outcome.failedResources.length > 0) return { ...outcome, status: 'fail' };
  if (outcome.unknownResources.length > 0) {
    return {
      ...outcome,
      status: 'unknown',
      reason: `${outcome.unknownResources.length} resource(s) could not be evaluated`,
    };
  }
  if (silent.length > 0) {
    return {
      ...outcome,
      status: 'unknown',
      reason: `no results for ${silent.join(', ')} (check not run, or no resources of its kind)`,
    };
  }
  // every failure accepted: the control is not met, someone decided to live with that (never a pass)
  if (outcome.acceptedResources.length > 0) return { ...outcome, status: 'accepted', reason: acceptedReason(mine) };
  return outcome;
}

export function evaluateFramework(
  framework: Framework,
  report: {
    accountId: string;
    generatedAt: string;
    collectedAt: string;
    results: readonly Result[];
    nonDefaultCheckOptions?: readonly NonDefaultCheckOptions[];
  },
): ComplianceReport {
  const mapped = new Set(framework.controls.flatMap((c) => c.checks));
  const changed = (report.nonDefaultCheckOptions ?? []).filter((o) => mapped.has(o.checkId));
  const changedChecks = changed.map((o) => o.checkId);
  const controls = framework.controls.map((c) => evaluateControl(c, report.results, changedChecks));
  const summary: Record<ControlStatus, number> = { pass: 0, fail: 0, unknown: 0, accepted: 0, manual: 0 };
  for (const c of controls) summary[c.status] += 1;
  const { name, title, version, scope } = framework;
  return {
    framework: { name, title, version, scope },
    accountId: report.accountId,
    generatedAt: report.generatedAt,
    collectedAt: report.collectedAt,
    summary,
    controls,
    nonDefaultCheckOptions: changed,
  };
}
