import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const instanceArn = (id: string) => `arn:aws:dms:${REGION}:${ACCOUNT_ID}:rep:${id}`;
export const endpointArn = (id: string) => `arn:aws:dms:${REGION}:${ACCOUNT_ID}:endpoint:${id}`;

/** One ReplicationInstances item as DescribeReplicationInstances returns it (private, auto minor upgrades). */
export function replicationInstance(id: string, fields: Record<string, unknown> = {}) {
  return {
    ReplicationInstanceIdentifier: id,
    ReplicationInstanceClass: 'dms.t3.medium',
    ReplicationInstanceStatus: 'available',
    AllocatedStorage: 50,
    InstanceCreateTime: '2025-09-14T07:45:12.123Z',
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60718', Status: 'active' }],
    AvailabilityZone: `${REGION}a`,
    ReplicationSubnetGroup: {
      ReplicationSubnetGroupIdentifier: 'dms-private',
      ReplicationSubnetGroupDescription: 'private subnets',
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      SubnetGroupStatus: 'Complete',
      Subnets: [
        {
          SubnetIdentifier: 'subnet-0a1b2c3d4e5f60718',
          SubnetAvailabilityZone: { Name: `${REGION}a` },
          SubnetStatus: 'Active',
        },
      ],
    },
    PreferredMaintenanceWindow: 'sun:04:00-sun:04:30',
    PendingModifiedValues: {},
    MultiAZ: false,
    EngineVersion: '3.5.3',
    AutoMinorVersionUpgrade: true,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c`,
    ReplicationInstanceArn: instanceArn(`${id.toUpperCase()}4XJ7QZ2M5N8P`),
    ReplicationInstancePrivateIpAddress: '10.0.1.25',
    ReplicationInstancePublicIpAddresses: [],
    ReplicationInstancePrivateIpAddresses: ['10.0.1.25'],
    PubliclyAccessible: false,
    NetworkType: 'IPV4',
    ...fields,
  };
}

/** One Endpoints item as DescribeEndpoints returns it (a PostgreSQL source with verify-full). */
export function endpoint(id: string, fields: Record<string, unknown> = {}) {
  return {
    EndpointIdentifier: id,
    EndpointType: 'SOURCE',
    EngineName: 'postgres',
    EngineDisplayName: 'PostgreSQL',
    Username: 'dms_reader',
    ServerName: 'orders.c9akciq32.eu-west-1.rds.amazonaws.com',
    Port: 5432,
    DatabaseName: 'orders',
    Status: 'active',
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c`,
    EndpointArn: endpointArn(`${id.toUpperCase()}7KQ2W`),
    CertificateArn: `arn:aws:dms:${REGION}:${ACCOUNT_ID}:cert:RDSGLOBALCA2024`,
    SslMode: 'verify-full',
    PostgreSQLSettings: {
      DatabaseName: 'orders',
      Port: 5432,
      ServerName: 'orders.c9akciq32.eu-west-1.rds.amazonaws.com',
    },
    ...fields,
  };
}

/** One region answering both listings (an array: its items; an error entry as recorded; left out: not collected). */
export function dms(listings: { instances?: unknown; endpoints?: unknown }): Snapshot {
  const wrap = (value: unknown, key: string) => (Array.isArray(value) ? { [key]: value } : value);
  return snapshotOf({
    dms: {
      [REGION]: {
        ...(listings.instances === undefined
          ? {}
          : { DescribeReplicationInstances: wrap(listings.instances, 'ReplicationInstances') }),
        ...(listings.endpoints === undefined ? {} : { DescribeEndpoints: wrap(listings.endpoints, 'Endpoints') }),
      },
    },
  } as Parameters<typeof snapshotOf>[0]);
}

/** DMS speaks JSON: a denied call is `AccessDeniedException`. */
const denied = (action: string) =>
  awsError(
    'AccessDeniedException',
    `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: dms:${action} on resource: arn:aws:dms:${REGION}:${ACCOUNT_ID}:* because no identity-based policy allows the dms:${action} action`,
  );

export const INSTANCES_DENIED = {
  name: "DescribeReplicationInstances denied: the region's instances are hidden",
  snapshot: dms({ instances: denied('DescribeReplicationInstances'), endpoints: [] }),
  arn: instanceArn('*'),
  message: 'AccessDeniedException on dms:DescribeReplicationInstances',
};

export const ENDPOINTS_DENIED = {
  name: "DescribeEndpoints denied: the region's endpoints are hidden",
  snapshot: dms({ instances: [], endpoints: denied('DescribeEndpoints') }),
  arn: endpointArn('*'),
  message: 'AccessDeniedException on dms:DescribeEndpoints',
};
