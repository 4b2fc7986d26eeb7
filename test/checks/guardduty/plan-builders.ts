import type { CheckCase } from '../../support/check-tester.ts';
import { detector, guarddutyRegion, REGION, regionalSnapshot } from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

type Feature = { Name: string; Status: string; AdditionalConfiguration?: { Name: string; Status: string }[] };

/** GetDetector of an enabled detector whose Features list is the foundational sources plus `extra`. */
export function detectorWith(extra: Feature[], Status = 'ENABLED') {
  const base = detector(Status);
  const at = { UpdatedAt: '2025-01-10T00:00:00.000Z' };
  return {
    ...base,
    Features: [
      { Name: 'CLOUD_TRAIL', Status: 'ENABLED', ...at },
      { Name: 'DNS_LOGS', Status: 'ENABLED', ...at },
      { Name: 'FLOW_LOGS', Status: 'ENABLED', ...at },
      ...extra.map((f) => ({
        ...f,
        ...at,
        ...(f.AdditionalConfiguration
          ? { AdditionalConfiguration: f.AdditionalConfiguration.map((c) => ({ ...c, ...at })) }
          : {}),
      })),
    ],
  };
}

/** A one-region snapshot whose detector answers `answer`. */
export const planRegion = (answer: unknown) => regionalSnapshot({ guardduty: { [REGION]: guarddutyRegion(answer) } });

/** The unknown rows every protection-plan check shares: GuardDuty off, or the detector not readable. */
export const PLAN_UNKNOWNS: CheckCase[] = [
  {
    name: 'GuardDuty has no detector in the region',
    snapshot: regionalSnapshot({
      guardduty: {
        [REGION]: { ListDetectors: { DetectorIds: [] }, ListMalwareProtectionPlans: { MalwareProtectionPlans: [] } },
      },
    }),
    message: `GuardDuty is not enabled in ${REGION}`,
  },
  {
    name: 'the detector is suspended',
    snapshot: planRegion(detectorWith([], 'DISABLED')),
    message: `GuardDuty is not enabled in ${REGION}`,
  },
  {
    name: 'ListDetectors denied',
    snapshot: regionalSnapshot({
      guardduty: {
        [REGION]: {
          ListDetectors: awsError(
            'AccessDeniedException',
            'User is not authorized to perform: guardduty:ListDetectors',
          ),
        },
      },
    }),
    message: 'AccessDeniedException on guardduty:ListDetectors',
  },
  {
    name: 'GetDetector failed',
    snapshot: planRegion(awsError('InternalServerErrorException', 'Internal error')),
    message: 'InternalServerErrorException on guardduty:GetDetector',
  },
];

const DETECTOR = '12abc34d567e8fa901bc2d34e56789f0';

/** The pass row of a plan that is one detector feature. */
export const featureEnabled = (feature: string, plan: string): CheckCase => ({
  name: `${feature} enabled`,
  snapshot: planRegion(detectorWith([{ Name: feature, Status: 'ENABLED' }])),
  message: `${plan} is enabled on detector ${DETECTOR} in ${REGION} (${feature}: ENABLED)`,
});

/** The fail rows of a plan that is one detector feature: turned off, or never listed. */
export const featureOff = (feature: string, plan: string): CheckCase[] => [
  {
    name: `${feature} disabled`,
    snapshot: planRegion(detectorWith([{ Name: feature, Status: 'DISABLED' }])),
    message: `${plan} is not enabled on detector ${DETECTOR} in ${REGION} (${feature}: DISABLED)`,
  },
  {
    name: 'the feature is not in the list at all',
    snapshot: planRegion(detectorWith([])),
    message: `(${feature}: not reported)`,
  },
];
