import { defineServiceState, notCollected, type StateOperation } from '../define-state.ts';
import type { DetectionRegion, DetectionState } from './model.ts';
import { DETECTION_SERVICES, normaliseDetection } from './normalise.ts';

/** A detection service's per-region answer (GuardDuty enabled, Security Hub standards…), read for a `region` resource. */
function setting(field: keyof DetectionRegion, operation: string): StateOperation<DetectionState, { region: string }> {
  return {
    scope: 'region',
    read: (state, resource) => state.regions[resource.region]?.[field] ?? notCollected(operation),
  };
}

/**
 * The detection services (GuardDuty, Security Hub, Config, Access Analyzer, Inspector, Macie) in the account state:
 * `state.detection.regions[<region>]`, one state for six sections because their checks compare them per region.
 * Each service keeps its own folder for collection; this folder holds only their shared model.
 */
export default defineServiceState({
  sections: DETECTION_SERVICES,
  normalise: (snapshot, context) => ({ state: normaliseDetection(snapshot, context) }),
  resources: {},
  operations: {
    'guardduty:GetDetector': setting('guardDutyDetectors', 'guardduty:ListDetectors'),
    'securityhub:DescribeHub': setting('securityHub', 'securityhub:DescribeHub'),
    'securityhub:GetEnabledStandards': setting('securityHubStandards', 'securityhub:GetEnabledStandards'),
    'config:DescribeConfigurationRecorders': setting('configRecorders', 'config:DescribeConfigurationRecorders'),
    'accessanalyzer:ListAnalyzers': setting('accessAnalyzers', 'accessanalyzer:ListAnalyzers'),
    'inspector2:BatchGetAccountStatus': setting('inspector', 'inspector2:BatchGetAccountStatus'),
    'macie2:GetMacieSession': setting('macie', 'macie2:GetMacieSession'),
  },
});
