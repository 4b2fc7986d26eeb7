import type { Observed } from '../../model/observed.ts';

export interface GuardDutyDetector {
  id: string;
  /** `ENABLED` or `DISABLED` */
  status: string;
  /** feature name (`S3_DATA_EVENTS`, `EBS_MALWARE_PROTECTION`, …) → status */
  features: Record<string, string>;
  /** feature name → its additional configuration (`EKS_ADDON_MANAGEMENT`, …) → status */
  featureSettings: Record<string, Record<string, string>>;
  /** the older DataSources.S3Logs status, for detectors that report no features */
  s3Logs?: string;
}

export interface ConfigRecorder {
  name: string;
  allSupported: boolean;
  includeGlobalResourceTypes: boolean;
  /** `ALL_SUPPORTED_RESOURCE_TYPES`, `INCLUSION_BY_RESOURCE_TYPES`, `EXCLUSION_BY_RESOURCE_TYPES` */
  strategy?: string;
  /** from DescribeConfigurationRecorderStatus; false when the recorder has no status entry */
  recording: boolean;
  lastStatus?: string;
}

export interface AccessAnalyzer {
  name: string;
  /** `ACCOUNT`, `ORGANIZATION` (external access) or the `*_UNUSED_ACCESS` kinds */
  type: string;
  status: string;
}

export interface InspectorStatus {
  /** the account's Inspector state (`ENABLED`, `DISABLED`, …) */
  status?: string;
  ec2?: string;
  ecr?: string;
  lambda?: string;
  lambdaCode?: string;
}

/** What the detection services say about one region of the account. */
export interface DetectionRegion {
  /** ListDetectors + GetDetector of each detector */
  guardDutyDetectors: Observed<GuardDutyDetector[]>;
  /** how many Malware Protection for S3 plans the region has */
  guardDutyMalwarePlans: Observed<number>;
  /** absent (`InvalidAccessException`) when Security Hub is not enabled */
  securityHub: Observed<{ hubArn?: string }>;
  securityHubStandards: Observed<{ arn: string; status?: string }[]>;
  /** DescribeConfigurationRecorders joined with DescribeConfigurationRecorderStatus by name */
  configRecorders: Observed<ConfigRecorder[]>;
  accessAnalyzers: Observed<AccessAnalyzer[]>;
  inspector: Observed<InspectorStatus>;
  /** absent when Macie answers "Macie is not enabled" */
  macie: Observed<{ status?: string }>;
}

export interface DetectionState {
  /** keyed by region name; a region missing here had none of these services collected */
  regions: Record<string, DetectionRegion>;
}
