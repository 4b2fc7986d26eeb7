import type { Observed } from '../../model/observed.ts';

/** A field condition of an advanced event selector, as AWS spells the operators. */
export interface FieldSelector {
  field: string;
  equals?: string[];
  startsWith?: string[];
  endsWith?: string[];
  notEquals?: string[];
  notStartsWith?: string[];
  notEndsWith?: string[];
}

export interface EventSelectors {
  basic: {
    readWriteType: string;
    includeManagementEvents: boolean;
    dataResources: { type?: string; values: string[] }[];
  }[];
  advanced: { name?: string; fieldSelectors: FieldSelector[] }[];
}

/** One trail, once (its shadow copies in other regions are folded in), in its home region. */
export interface CloudTrailTrail {
  kind: 'cloudtrail-trail';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  isMultiRegion: boolean;
  isOrganizationTrail: boolean;
  logFileValidation: boolean;
  kmsKeyId?: string;
  s3BucketName?: string;
  cloudWatchLogsLogGroupArn?: string;
  status: Observed<{ isLogging: boolean }>;
  selectors: Observed<EventSelectors>;
}

export interface CloudTrailState {
  trails: CloudTrailTrail[];
  /** how DescribeTrails went in each region (a multi-region trail shows in every region's listing) */
  listings: Record<string, Observed<true>>;
}
