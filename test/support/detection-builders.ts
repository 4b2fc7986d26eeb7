import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import type { CheckCase } from './check-tester.ts';
import { ACCOUNT_ID, awsError } from './snapshot-builders.ts';
import { snapshotOf, type ServiceSections } from './service-snapshot.ts';

export const REGION = 'ap-northeast-1';
export const REGION_ARN = `arn:aws:account::${ACCOUNT_ID}:region/${REGION}`;
export const DETECTOR_ID = '12abc34d567e8fa901bc2d34e56789f0';

/** A snapshot of one region holding only the given regional sections. */
export function regionalSnapshot(sections: ServiceSections, regions: string[] = [REGION]): Snapshot {
  return snapshotOf(sections, regions);
}

/** GetDetector as the SDK returns it for a detector with S3 Protection on. */
export function detector(Status = 'ENABLED', s3 = 'ENABLED') {
  return {
    CreatedAt: '2024-05-01T00:00:00.000Z',
    FindingPublishingFrequency: 'SIX_HOURS',
    ServiceRole: `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
    Status,
    UpdatedAt: '2025-01-10T00:00:00.000Z',
    DataSources: {
      CloudTrail: { Status: 'ENABLED' },
      DNSLogs: { Status: 'ENABLED' },
      FlowLogs: { Status: 'ENABLED' },
      S3Logs: { Status: s3 },
    },
    Features: [
      { Name: 'CLOUD_TRAIL', Status: 'ENABLED', UpdatedAt: '2025-01-10T00:00:00.000Z' },
      { Name: 'DNS_LOGS', Status: 'ENABLED', UpdatedAt: '2025-01-10T00:00:00.000Z' },
      { Name: 'FLOW_LOGS', Status: 'ENABLED', UpdatedAt: '2025-01-10T00:00:00.000Z' },
      { Name: 'S3_DATA_EVENTS', Status: s3, UpdatedAt: '2025-01-10T00:00:00.000Z' },
      { Name: 'EBS_MALWARE_PROTECTION', Status: 'DISABLED', UpdatedAt: '2025-01-10T00:00:00.000Z' },
    ],
    Tags: {},
  };
}

export function guarddutyRegion(detectorResponse: unknown = detector()) {
  return {
    ListDetectors: { DetectorIds: [DETECTOR_ID] },
    ListMalwareProtectionPlans: { MalwareProtectionPlans: [{ MalwareProtectionPlanId: 'b4c7f464ab3a4EXAMPLE' }] },
    GetDetector: { [DETECTOR_ID]: detectorResponse },
  } as NonNullable<Snapshot['guardduty']>[string];
}

export const FSBP_ARN = `arn:aws:securityhub:${REGION}::standards/aws-foundational-security-best-practices/v/1.0.0`;
export const CIS_ARN = `arn:aws:securityhub:${REGION}::standards/cis-aws-foundations-benchmark/v/3.0.0`;

export function standard(StandardsArn: string, StandardsStatus = 'READY') {
  const path = StandardsArn.split('::')[1];
  return {
    StandardsSubscriptionArn: `arn:aws:securityhub:${REGION}:${ACCOUNT_ID}:subscription/${path?.replace('standards/', '')}`,
    StandardsArn,
    StandardsInput: {},
    StandardsStatus,
  };
}

export function securityhubRegion(...standards: ReturnType<typeof standard>[]) {
  return {
    DescribeHub: {
      HubArn: `arn:aws:securityhub:${REGION}:${ACCOUNT_ID}:hub/default`,
      SubscribedAt: '2024-05-01T00:00:00.000Z',
      AutoEnableControls: true,
      ControlFindingGenerator: 'SECURITY_CONTROL',
    },
    GetEnabledStandards: {
      StandardsSubscriptions: standards.length > 0 ? standards : [standard(FSBP_ARN), standard(CIS_ARN)],
    },
  };
}

export const HUB_NOT_ENABLED = {
  error: { name: 'InvalidAccessException', message: `Account ${ACCOUNT_ID} is not subscribed to AWS Security Hub` },
};

export function configRegion(
  recordingGroup: Record<string, unknown> = {
    allSupported: true,
    includeGlobalResourceTypes: true,
    resourceTypes: [],
    exclusionByResourceTypes: { resourceTypes: [] },
    recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
  },
  recording = true,
) {
  return {
    DescribeConfigurationRecorders: {
      ConfigurationRecorders: [
        {
          name: 'default',
          roleARN: `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
          recordingGroup,
          recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
        },
      ],
    },
    DescribeConfigurationRecorderStatus: {
      ConfigurationRecordersStatus: [
        {
          name: 'default',
          lastStartTime: '2024-05-01T00:00:00.000Z',
          recording,
          lastStatus: 'SUCCESS',
          lastStatusChangeTime: '2026-11-21T23:00:00.000Z',
        },
      ],
    },
  };
}

export function analyzer(type = 'ACCOUNT', status = 'ACTIVE', name = 'ConsoleAnalyzer-0a1b2c3d') {
  return {
    arn: `arn:aws:access-analyzer:${REGION}:${ACCOUNT_ID}:analyzer/${name}`,
    name,
    type,
    createdAt: '2024-05-01T00:00:00.000Z',
    status,
    tags: {},
  };
}

export function inspectorStatus(scans: { ec2?: string; ecr?: string; lambda?: string } = {}) {
  const s = (status: string) => ({ status });
  return {
    BatchGetAccountStatus: {
      accounts: [
        {
          accountId: ACCOUNT_ID,
          state: { status: 'ENABLED' },
          resourceState: {
            ec2: s(scans.ec2 ?? 'ENABLED'),
            ecr: s(scans.ecr ?? 'ENABLED'),
            lambda: s(scans.lambda ?? 'ENABLED'),
            lambdaCode: s('DISABLED'),
          },
        },
      ],
      failedAccounts: [],
    },
  };
}

export function macieSession(status = 'ENABLED') {
  return {
    GetMacieSession: {
      createdAt: '2024-05-01T00:00:00.000Z',
      findingPublishingFrequency: 'FIFTEEN_MINUTES',
      serviceRole: `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`,
      status,
      updatedAt: '2025-01-10T00:00:00.000Z',
    },
  };
}

export const MACIE_NOT_ENABLED = { error: { name: 'AccessDeniedException', message: 'Macie is not enabled.' } };

export const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
export const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${KEY_ID}`;

export function keyMetadata(overrides: Record<string, unknown> = {}) {
  return {
    KeyMetadata: {
      AWSAccountId: ACCOUNT_ID,
      KeyId: KEY_ID,
      Arn: KEY_ARN,
      CreationDate: '2024-05-01T00:00:00.000Z',
      Enabled: true,
      Description: 'application data',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      MultiRegion: false,
      ...overrides,
    },
  };
}

export function kmsRegion(
  rotation: unknown = { KeyId: KEY_ARN, KeyRotationEnabled: true, RotationPeriodInDays: 365 },
  metadata: unknown = keyMetadata(),
) {
  return {
    ListKeys: { Keys: [{ KeyId: KEY_ID, KeyArn: KEY_ARN }] },
    DescribeKey: { [KEY_ID]: metadata },
    ...(rotation === undefined ? {} : { GetKeyRotationStatus: { [KEY_ID]: rotation } }),
  } as NonNullable<Snapshot['kms']>[string];
}

export function repository(repositoryName: string, scanOnPush = false) {
  return {
    repositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT_ID}:repository/${repositoryName}`,
    registryId: ACCOUNT_ID,
    repositoryName,
    repositoryUri: `${ACCOUNT_ID}.dkr.ecr.${REGION}.amazonaws.com/${repositoryName}`,
    createdAt: '2024-05-01T00:00:00.000Z',
    imageTagMutability: 'MUTABLE',
    imageScanningConfiguration: { scanOnPush },
    encryptionConfiguration: { encryptionType: 'AES256' },
  };
}

export function registryScanning(scanType = 'BASIC', rules: { scanFrequency: string; filter: string }[] = []) {
  return {
    registryId: ACCOUNT_ID,
    scanningConfiguration: {
      scanType,
      rules: rules.map((r) => ({
        scanFrequency: r.scanFrequency,
        repositoryFilters: [{ filter: r.filter, filterType: 'WILDCARD' }],
      })),
    },
  };
}

export function loadBalancer(name: string, Scheme = 'internet-facing', Type = 'application') {
  const kind = Type === 'application' ? 'app' : Type === 'network' ? 'net' : 'gwy';
  return {
    LoadBalancerArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/${kind}/${name}/50dc6c495c0c9188`,
    DNSName: `${name}-1234567890.${REGION}.elb.amazonaws.com`,
    CanonicalHostedZoneId: 'Z14GRHDCWA56QT',
    CreatedTime: '2024-05-01T00:00:00.000Z',
    LoadBalancerName: name,
    Scheme,
    VpcId: 'vpc-0a1b2c3d4e5f60718',
    State: { Code: 'active' },
    Type,
    AvailabilityZones: [{ ZoneName: `${REGION}a`, SubnetId: 'subnet-8360a9e7' }],
    SecurityGroups: ['sg-5943793c'],
    IpAddressType: 'ipv4',
  };
}

export function webAcl(Name = 'alb-protection') {
  return {
    WebACL: {
      Name,
      Id: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
      ARN: `arn:aws:wafv2:${REGION}:${ACCOUNT_ID}:regional/webacl/${Name}/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`,
      DefaultAction: { Allow: {} },
      Rules: [],
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: Name },
      Capacity: 700,
      ManagedByFirewallManager: false,
    },
  };
}

/** The unknown cases every KMS key check shares: DescribeKey denied by the key policy, ListKeys denied. */
export function kmsDeniedCases(): CheckCase[] {
  const kms = (entry: ReturnType<typeof kmsRegion>) => regionalSnapshot({ kms: { [REGION]: entry } });
  return [
    {
      name: 'DescribeKey denied',
      snapshot: kms(
        kmsRegion(undefined, awsError('AccessDeniedException', 'not authorized to perform: kms:DescribeKey')),
      ),
      message: 'AccessDeniedException on kms:DescribeKey',
    },
    {
      name: "ListKeys denied: the region's keys are hidden",
      snapshot: kms({ ListKeys: awsError('AccessDeniedException', 'not authorized to perform: kms:ListKeys') }),
      arn: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/*`,
      message: 'AccessDeniedException on kms:ListKeys in ap-northeast-1',
    },
  ];
}
