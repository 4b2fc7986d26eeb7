import type { AccessAnalyzerSection } from '../accessanalyzer/schema.ts';
import type { ConfigSection } from '../config/schema.ts';
import type { ConfigRecorder, DetectionRegion, DetectionState, GuardDutyDetector } from './model.ts';
import type { GuardDutySection } from '../guardduty/schema.ts';
import type { Inspector2Section } from '../inspector2/schema.ts';
import type { Macie2Section } from '../macie2/schema.ts';
import { regionsOf, type RegionalContext } from '../../model/normalise-regional.ts';
import { observe, type Observed, type Raw } from '../../model/observed.ts';
import { HUB_NOT_ENABLED, type SecurityHubSection } from '../securityhub/schema.ts';

export interface DetectionSections {
  guardduty?: GuardDutySection;
  securityhub?: SecurityHubSection;
  config?: ConfigSection;
  accessanalyzer?: AccessAnalyzerSection;
  inspector2?: Inspector2Section;
  macie2?: Macie2Section;
}

/** Snapshot sections (and check `service` names) of the detection services. */
export const DETECTION_SERVICES = [
  'guardduty',
  'securityhub',
  'config',
  'accessanalyzer',
  'inspector2',
  'macie2',
] as const;

/** Two observations that both must be read; the first failure decides. */
function both<A, B, T>(a: Observed<A>, b: Observed<B>, join: (a: A | null, b: B | null) => T): Observed<T> {
  for (const o of [a, b]) if (o.kind === 'error' || o.kind === 'missing') return o;
  const value = (o: Observed<A> | Observed<B>) => (o.kind === 'present' ? o.value : null);
  return { kind: 'present', value: join(value(a) as A | null, value(b) as B | null) };
}

function guardDutyDetectors(entry: NonNullable<GuardDutySection[string]>): Observed<GuardDutyDetector[]> {
  const ids = observe(entry.ListDetectors, 'guardduty:ListDetectors', [], (r) => r.DetectorIds);
  if (ids.kind !== 'present') return ids;
  const detectors: GuardDutyDetector[] = [];
  for (const id of ids.value) {
    const detector = observe(entry.GetDetector?.[id], 'guardduty:GetDetector', [], (d): GuardDutyDetector => ({
      id,
      status: d.Status,
      features: Object.fromEntries(
        (d.Features ?? []).flatMap((f) => (f.Name ? [[f.Name, f.Status ?? 'UNKNOWN']] : [])),
      ),
      featureSettings: Object.fromEntries(
        (d.Features ?? []).flatMap((f) =>
          f.Name
            ? [
                [
                  f.Name,
                  Object.fromEntries(
                    (f.AdditionalConfiguration ?? []).flatMap((c) => (c.Name ? [[c.Name, c.Status ?? 'UNKNOWN']] : [])),
                  ),
                ],
              ]
            : [],
        ),
      ),
      ...(d.DataSources?.S3Logs?.Status ? { s3Logs: d.DataSources.S3Logs.Status } : {}),
    }));
    if (detector.kind === 'error' || detector.kind === 'missing') return detector;
    if (detector.kind === 'present') detectors.push(detector.value);
  }
  return { kind: 'present', value: detectors };
}

/** Macie answers a disabled account with AccessDeniedException "Macie is not enabled": a fact, unlike a real denial. */
function macieSession(raw: Raw<{ status?: string }>): Observed<{ status?: string }> {
  if (
    raw &&
    'error' in raw &&
    raw.error.name === 'AccessDeniedException' &&
    /macie is not enabled/i.test(raw.error.message)
  ) {
    return { kind: 'absent', errorName: 'AccessDeniedException' };
  }
  return observe(raw, 'macie2:GetMacieSession', [], (r) => ({ ...(r.status ? { status: r.status } : {}) }));
}

/** The detection services' sections (GuardDuty, Security Hub, Config, Access Analyzer, Inspector, Macie) per region. */
export function normaliseDetection(sections: DetectionSections, context: RegionalContext): DetectionState {
  const keys = Object.values(sections).flatMap((section) => Object.keys((section ?? {}) as object));
  const regions: Record<string, DetectionRegion> = {};
  for (const region of regionsOf(Object.fromEntries(keys.map((k) => [k, true])), context.regions)) {
    const guardduty = sections.guardduty?.[region] ?? {};
    const hub = sections.securityhub?.[region] ?? {};
    const config = sections.config?.[region] ?? {};
    const recorders = observe(
      config.DescribeConfigurationRecorders,
      'config:DescribeConfigurationRecorders',
      [],
      (r) => r.ConfigurationRecorders,
    );
    const statuses = observe(
      config.DescribeConfigurationRecorderStatus,
      'config:DescribeConfigurationRecorderStatus',
      [],
      (r) => r.ConfigurationRecordersStatus,
    );
    regions[region] = {
      guardDutyDetectors: guardDutyDetectors(guardduty),
      guardDutyMalwarePlans: observe(
        guardduty.ListMalwareProtectionPlans,
        'guardduty:ListMalwareProtectionPlans',
        [],
        (r) => r.MalwareProtectionPlans?.length ?? 0,
      ),
      securityHub: observe(hub.DescribeHub, 'securityhub:DescribeHub', HUB_NOT_ENABLED, (r) => ({
        ...(r.HubArn ? { hubArn: r.HubArn } : {}),
      })),
      securityHubStandards: observe(hub.GetEnabledStandards, 'securityhub:GetEnabledStandards', HUB_NOT_ENABLED, (r) =>
        r.StandardsSubscriptions.map((s) => ({
          arn: s.StandardsArn,
          ...(s.StandardsStatus ? { status: s.StandardsStatus } : {}),
        })),
      ),
      configRecorders: both(recorders, statuses, (list, status) =>
        (list ?? []).map((r): ConfigRecorder => {
          const state = (status ?? []).find((s) => s.name === r.name);
          return {
            name: r.name ?? 'default',
            allSupported: r.recordingGroup?.allSupported === true,
            includeGlobalResourceTypes: r.recordingGroup?.includeGlobalResourceTypes === true,
            ...(r.recordingGroup?.recordingStrategy?.useOnly
              ? { strategy: r.recordingGroup.recordingStrategy.useOnly }
              : {}),
            recording: state?.recording === true,
            ...(state?.lastStatus ? { lastStatus: state.lastStatus } : {}),
          };
        }),
      ),
      accessAnalyzers: observe(
        sections.accessanalyzer?.[region]?.ListAnalyzers,
        'accessanalyzer:ListAnalyzers',
        [],
        (r) => r.analyzers.map((a) => ({ name: a.name ?? a.arn ?? 'analyzer', type: a.type, status: a.status })),
      ),
      inspector: observe(
        sections.inspector2?.[region]?.BatchGetAccountStatus,
        'inspector2:BatchGetAccountStatus',
        [],
        (r) => {
          const account = r.accounts.find((a) => a.accountId === context.accountId) ?? r.accounts[0];
          if (!account) {
            const failed = r.failedAccounts?.[0];
            return {
              kind: 'error' as const,
              operation: 'inspector2:BatchGetAccountStatus',
              error: {
                name: failed?.errorCode ?? 'NoAccountStatus',
                message: failed?.errorMessage ?? 'the answer holds no account status',
              },
            };
          }
          const rs = account.resourceState;
          return {
            ...(account.state?.status ? { status: account.state.status } : {}),
            ...(rs?.ec2?.status ? { ec2: rs.ec2.status } : {}),
            ...(rs?.ecr?.status ? { ecr: rs.ecr.status } : {}),
            ...(rs?.lambda?.status ? { lambda: rs.lambda.status } : {}),
            ...(rs?.lambdaCode?.status ? { lambdaCode: rs.lambdaCode.status } : {}),
          };
        },
      ),
      macie: macieSession(sections.macie2?.[region]?.GetMacieSession),
    };
  }
  return { regions };
}
