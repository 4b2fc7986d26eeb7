import type { CloudTrailRegionEntry } from '../../src/services/cloudtrail/schema.ts';
import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import type { BucketEntry } from '../../src/services/s3/schema.ts';
import { ACCOUNT_ID } from './snapshot-builders.ts';
import { snapshotOf } from './service-snapshot.ts';

export const HOME = 'us-east-1';
export const TRAIL_ARN = `arn:aws:cloudtrail:${HOME}:${ACCOUNT_ID}:trail/main`;

/** A trail as DescribeTrails lists it: multi-region, validated, KMS-encrypted, sent to CloudWatch Logs. */
export function trail(overrides: Record<string, unknown> = {}) {
  return {
    Name: 'main',
    S3BucketName: 'org-cloudtrail-logs',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: true,
    HomeRegion: HOME,
    TrailARN: TRAIL_ARN,
    LogFileValidationEnabled: true,
    CloudWatchLogsLogGroupArn: `arn:aws:logs:${HOME}:${ACCOUNT_ID}:log-group:cloudtrail:*`,
    CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/CloudTrail_CloudWatchLogs_Role`,
    KmsKeyId: `arn:aws:kms:${HOME}:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    HasCustomEventSelectors: true,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
    ...overrides,
  };
}

export const ALL_S3_DATA_EVENTS = {
  TrailARN: TRAIL_ARN,
  AdvancedEventSelectors: [
    { Name: 'Management events selector', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
    {
      Name: 'S3 data events',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
      ],
    },
  ],
};

export const MANAGEMENT_ONLY = {
  TrailARN: TRAIL_ARN,
  EventSelectors: [
    { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
  ],
};

const LOGGING = {
  IsLogging: true,
  LatestDeliveryTime: '2026-11-22T00:00:00.000Z',
  StartLoggingTime: '2026-01-01T00:00:00.000Z',
};

/**
 * A snapshot with a CloudTrail section: `trails` listed in the home region (and as shadow copies in
 * `ap-northeast-1`), each answered with `status` and `selectors` unless overridden per ARN.
 */
export function cloudtrailSnapshot(
  options: {
    trails?: ReturnType<typeof trail>[];
    status?: unknown;
    selectors?: unknown;
    home?: Partial<CloudTrailRegionEntry>;
    buckets?: Record<string, BucketEntry>;
  } = {},
): Snapshot {
  const trails = options.trails ?? [trail()];
  const keyed = (value: unknown) =>
    Object.fromEntries(trails.filter((t) => t.HomeRegion === HOME).map((t) => [t.TrailARN, value as never]));
  return snapshotOf(
    {
      cloudtrail: {
        [HOME]: {
          DescribeTrails: { trailList: trails },
          GetTrailStatus: keyed(options.status ?? LOGGING),
          GetEventSelectors: keyed(options.selectors ?? ALL_S3_DATA_EVENTS),
          ...options.home,
        },
        'ap-northeast-1': { DescribeTrails: { trailList: trails.filter((t) => t.IsMultiRegionTrail) } },
      },
      ...(options.buckets ? { s3: { buckets: options.buckets } } : {}),
    },
    [HOME, 'ap-northeast-1'],
  );
}
