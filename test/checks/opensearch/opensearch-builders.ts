import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const domainArn = (name: string) => `arn:aws:es:${REGION}:${ACCOUNT_ID}:domain/${name}`;
export const KEY = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a`;

/** A DescribeDomain answer for a domain that meets every control, with `status` fields replaced. */
export function describeDomain(name: string, status: Record<string, unknown> = {}) {
  return {
    DomainStatus: {
      DomainId: `${ACCOUNT_ID}/${name}`,
      DomainName: name,
      ARN: domainArn(name),
      Created: true,
      Deleted: false,
      Endpoints: { vpc: `vpc-${name}-abcdefghijklmnopqrstuvwxyz.${REGION}.es.amazonaws.com` },
      Processing: false,
      EngineVersion: 'OpenSearch_2.19',
      ClusterConfig: {
        InstanceType: 'r6g.large.search',
        InstanceCount: 3,
        DedicatedMasterEnabled: true,
        DedicatedMasterType: 'm6g.large.search',
        DedicatedMasterCount: 3,
        ZoneAwarenessEnabled: true,
        ZoneAwarenessConfig: { AvailabilityZoneCount: 3 },
        WarmEnabled: false,
      },
      EBSOptions: { EBSEnabled: true, VolumeType: 'gp3', VolumeSize: 100 },
      VPCOptions: {
        VPCId: 'vpc-0a1b2c3d4e5f60718',
        SubnetIds: ['subnet-0a1b2c3d4e5f60718'],
        AvailabilityZones: [`${REGION}a`],
        SecurityGroupIds: ['sg-0123456789abcdef0'],
      },
      EncryptionAtRestOptions: { Enabled: true, KmsKeyId: KEY },
      NodeToNodeEncryptionOptions: { Enabled: true },
      DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
      AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: false },
      ServiceSoftwareOptions: {
        CurrentVersion: 'OpenSearch_2_19_R20250630-P1',
        NewVersion: '',
        UpdateAvailable: false,
        Cancellable: false,
        UpdateStatus: 'COMPLETED',
        Description: 'There is no software update available for this domain.',
        AutomatedUpdateDate: '1970-01-01T00:00:00.000Z',
        OptionalDeployment: true,
      },
      LogPublishingOptions: {
        ES_APPLICATION_LOGS: {
          CloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:/aws/opensearch/${name}/errors`,
          Enabled: true,
        },
        AUDIT_LOGS: {
          CloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:/aws/opensearch/${name}/audit`,
          Enabled: true,
        },
      },
      ...status,
    },
  };
}

/** One region listing the domain `name`, DescribeDomain answering `answer` (left out: not collected). */
export function oneDomain(name: string, answer?: unknown): Snapshot {
  return snapshotOf({
    opensearch: {
      [REGION]: {
        ListDomainNames: { DomainNames: [{ DomainName: name, EngineType: 'OpenSearch' }] },
        ...(answer === undefined ? {} : { DescribeDomain: { [name]: answer } }),
      },
    },
  } as Parameters<typeof snapshotOf>[0]);
}

const denied = (action: string) =>
  awsError(
    'AccessDeniedException',
    `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: es:${action} because no identity-based policy allows the es:${action} action`,
  );

/** The unknown rows every OpenSearch check shares: the same two reads decide them all. */
export const OPENSEARCH_UNKNOWNS = [
  {
    name: 'DescribeDomain denied',
    snapshot: oneDomain('search', denied('DescribeDomain')),
    message: 'AccessDeniedException on opensearch:DescribeDomain',
  },
  { name: 'DescribeDomain not collected', snapshot: oneDomain('search'), message: 'opensearch:DescribeDomain' },
  {
    name: "ListDomainNames denied: the region's domains are hidden",
    snapshot: snapshotOf({ opensearch: { [REGION]: { ListDomainNames: denied('ListDomainNames') } } }),
    arn: `arn:aws:es:${REGION}:${ACCOUNT_ID}:domain/*`,
    message: 'AccessDeniedException on opensearch:ListDomainNames',
  },
];
