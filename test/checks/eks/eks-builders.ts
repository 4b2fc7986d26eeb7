import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const clusterArn = (name: string) => `arn:aws:eks:${REGION}:${ACCOUNT_ID}:cluster/${name}`;
export const KEY = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f`;

const ALL_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

/** A DescribeCluster answer: a private cluster with secrets encryption and every log type, unless overridden. */
export function describeCluster(
  name: string,
  options: { publicAccess?: boolean; cidrs?: string[]; keyArn?: string | null; logTypes?: string[] } = {},
) {
  const logTypes = options.logTypes ?? ALL_LOG_TYPES;
  const disabled = ALL_LOG_TYPES.filter((t) => !logTypes.includes(t));
  return {
    cluster: {
      name,
      arn: clusterArn(name),
      createdAt: '2026-02-01T10:00:00.000Z',
      version: '1.33',
      endpoint: `https://0A1B2C3D4E5F60718293A4B5C6D7E8F9.gr7.${REGION}.eks.amazonaws.com`,
      roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/eks-cluster-role`,
      resourcesVpcConfig: {
        subnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'],
        securityGroupIds: [],
        clusterSecurityGroupId: 'sg-0123456789abcdef0',
        vpcId: 'vpc-0a1b2c3d4e5f60718',
        endpointPublicAccess: options.publicAccess ?? false,
        endpointPrivateAccess: true,
        publicAccessCidrs: options.cidrs ?? ['0.0.0.0/0'],
      },
      kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4' },
      logging: {
        clusterLogging: [
          ...(logTypes.length > 0 ? [{ types: logTypes, enabled: true }] : []),
          ...(disabled.length > 0 ? [{ types: disabled, enabled: false }] : []),
        ],
      },
      status: 'ACTIVE',
      platformVersion: 'eks.9',
      tags: {},
      ...(options.keyArn === null
        ? {}
        : { encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: options.keyArn ?? KEY } }] }),
    },
  };
}

/** One region listing the cluster `name`, DescribeCluster answering `answer` (left out: not collected). */
export function oneCluster(name: string, answer?: unknown): Snapshot {
  return snapshotOf({
    eks: {
      [REGION]: {
        ListClusters: { clusters: [name] },
        ...(answer === undefined ? {} : { DescribeCluster: { [name]: answer } }),
      },
    },
  } as Parameters<typeof snapshotOf>[0]);
}

export const DESCRIBE_DENIED = awsError(
  'AccessDeniedException',
  `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: eks:DescribeCluster on resource: ${clusterArn('apps')}`,
);
export const LIST_DENIED = snapshotOf({
  eks: {
    [REGION]: {
      ListClusters: awsError(
        'AccessDeniedException',
        `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: eks:ListClusters on resource: arn:aws:eks:${REGION}:${ACCOUNT_ID}:cluster/*`,
      ),
    },
  },
});
export const DENIED_ARN = `arn:aws:eks:${REGION}:${ACCOUNT_ID}:cluster/*`;

/** The unknown rows every EKS check shares: the same two reads decide them all. */
export const EKS_UNKNOWNS = [
  {
    name: 'DescribeCluster denied',
    snapshot: oneCluster('apps', DESCRIBE_DENIED),
    message: 'AccessDeniedException on eks:DescribeCluster',
  },
  { name: 'DescribeCluster not collected', snapshot: oneCluster('apps'), message: 'eks:DescribeCluster' },
  {
    name: "ListClusters denied: the region's clusters are hidden",
    snapshot: LIST_DENIED,
    arn: DENIED_ARN,
    message: 'AccessDeniedException on eks:ListClusters',
  },
];
