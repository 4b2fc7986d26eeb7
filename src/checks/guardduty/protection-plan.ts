import type { GuardDutyDetector } from '../../services/detection/model.ts';
import type { Severity } from '../../findings/severity.ts';
import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { known } from '../read.ts';

/** A GuardDuty protection plan, as one Security Hub control sees it on the region's detector. */
export interface ProtectionPlan {
  id: string;
  fsbp: string;
  prowler: string;
  severity: Severity;
  /** the plan's name in the console, e.g. "Lambda Protection" */
  plan: string;
  /** why the plan matters: the first sentences of the description */
  why: string;
  /** the GetDetector feature name(s) the message reports, and what enabling it takes */
  feature: string;
  /** whether the detector has the plan on, and the statuses that decided it */
  enabled(detector: GuardDutyDetector): { on: boolean; detail: string };
  /** Terraform resources to add (after `aws_guardduty_detector.this`) */
  terraform: string;
  /** the `--features` value of update-detector */
  cliFeatures: string;
  console: string;
  reference: string;
}

/** A feature's status as GetDetector reports it; a feature missing from the list was never turned on. */
export const featureStatus = (d: GuardDutyDetector, name: string): string => d.features[name] ?? 'not reported';

/** One feature that must be ENABLED. */
export function featureOn(name: string): ProtectionPlan['enabled'] {
  return (d) => {
    const status = featureStatus(d, name);
    return { on: status === 'ENABLED', detail: `${name}: ${status}` };
  };
}

/** The Terraform resource that turns one detector feature on (`extra`: its additional configuration blocks). */
export function featureTerraform(name: string, extra = ''): string {
  return `resource "aws_guardduty_detector_feature" "${name.toLowerCase()}" {
  detector_id = aws_guardduty_detector.this.id
  name        = "${name}"
  status      = "ENABLED"${extra}
}`;
}

/** A plan that is exactly one detector feature: how it is read and turned on follow from the feature's name. */
export function singleFeature(name: string): Pick<ProtectionPlan, 'feature' | 'enabled' | 'terraform' | 'cliFeatures'> {
  return {
    feature: `the \`${name}\` feature is \`ENABLED\``,
    enabled: featureOn(name),
    terraform: featureTerraform(name),
    cliFeatures: `Name=${name},Status=ENABLED`,
  };
}

/**
 * The check of one protection plan. A plan is a setting of the region's detector, so without an enabled detector
 * there is nothing to judge: the result is unknown and guardduty-enabled (GuardDuty.1) carries the failure once.
 */
export function protectionPlanCheck(spec: ProtectionPlan) {
  const anchor = spec.fsbp.toLowerCase().replace('.', '-');
  return defineCheck({
    id: spec.id,
    aliases: [spec.fsbp, spec.prowler],
    service: 'guardduty',
    resource: 'region',
    severity: spec.severity,
    title: `GuardDuty ${spec.plan} is enabled in the region`,
    description: `${spec.why} The check reads the Features of the region's enabled GuardDuty detector (GetDetector) and fails unless ${spec.feature}. A region without an enabled detector is unknown here: guardduty-enabled (GuardDuty.1) fails it. Security Hub ${spec.fsbp}.`,
    remediation: {
      terraform: `resource "aws_guardduty_detector" "this" {
  enable = true
}

${spec.terraform}`,
      cli: `aws guardduty list-detectors --region REGION
aws guardduty update-detector --detector-id DETECTOR_ID --features ${spec.cliFeatures} --region REGION`,
      console: spec.console,
    },
    references: [
      spec.reference,
      `https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#${anchor}`,
    ],
    needs: ['guardduty:GetDetector'],
    triggers: ['CreateDetector', 'DeleteDetector', 'UpdateDetector', 'UpdateOrganizationConfiguration'],
    evaluate(region, { state }) {
      const detectors = known(state.detection.regions[region.region]!.guardDutyDetectors) ?? [];
      const detector = detectors.find((d) => d.status === 'ENABLED');
      if (detector === undefined) {
        return inconclusive(
          `GuardDuty is not enabled in ${region.region}, so ${spec.plan} has nothing to run on`,
          'GuardDuty is off in the region (see guardduty-enabled)',
        );
      }
      const { on, detail } = spec.enabled(detector);
      return on
        ? pass(`${spec.plan} is enabled on detector ${detector.id} in ${region.region} (${detail})`)
        : fail(`${spec.plan} is not enabled on detector ${detector.id} in ${region.region} (${detail})`);
    },
  });
}
