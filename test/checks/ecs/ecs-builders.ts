import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const clusterArn = (name: string) => `arn:aws:ecs:${REGION}:${ACCOUNT_ID}:cluster/${name}`;
export const taskArn = (family: string, revision: number) =>
  `arn:aws:ecs:${REGION}:${ACCOUNT_ID}:task-definition/${family}:${revision}`;

type Section = Parameters<typeof snapshotOf>[0];

/** A DescribeClusters answer (include SETTINGS) for one cluster; `insights` undefined leaves `settings` out. */
export function describeCluster(name: string, insights?: string) {
  return {
    clusters: [
      {
        clusterArn: clusterArn(name),
        clusterName: name,
        status: 'ACTIVE',
        registeredContainerInstancesCount: 0,
        runningTasksCount: 3,
        pendingTasksCount: 0,
        activeServicesCount: 1,
        statistics: [],
        tags: [],
        ...(insights === undefined ? {} : { settings: [{ name: 'containerInsights', value: insights }] }),
        capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
        defaultCapacityProviderStrategy: [],
      },
    ],
    failures: [],
  };
}

export function oneCluster(name: string, answer?: unknown): Snapshot {
  return snapshotOf({
    ecs: {
      [REGION]: {
        ListClusters: { clusterArns: [clusterArn(name)] },
        ...(answer === undefined ? {} : { DescribeClusters: { [clusterArn(name)]: answer } }),
      },
    },
  } as Section);
}

/** A container definition as DescribeTaskDefinition returns it. */
export function container(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    image: `${ACCOUNT_ID}.dkr.ecr.${REGION}.amazonaws.com/${name}:1.4.2`,
    cpu: 0,
    portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
    essential: true,
    environment: [{ name: 'LOG_LEVEL', value: 'info' }],
    mountPoints: [],
    volumesFrom: [],
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': `/ecs/${name}`, 'awslogs-region': REGION, 'awslogs-stream-prefix': 'ecs' },
    },
    ...overrides,
  };
}

/** A DescribeTaskDefinition answer for `family:revision` with the given containers. */
export function describeTask(family: string, revision: number, containers: object[]) {
  return {
    taskDefinition: {
      taskDefinitionArn: taskArn(family, revision),
      containerDefinitions: containers,
      family,
      executionRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/ecsTaskExecutionRole`,
      networkMode: 'awsvpc',
      revision,
      volumes: [],
      status: 'ACTIVE',
      requiresAttributes: [],
      placementConstraints: [],
      compatibilities: ['EC2', 'FARGATE'],
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      registeredAt: '2026-11-01T10:00:00.000Z',
    },
    tags: [],
  };
}

/** ListTaskDefinitions naming revisions 1..`revision` of `family`; only the latest is described (as collected). */
export function oneTask(family: string, revision: number, answer?: unknown): Snapshot {
  return snapshotOf({
    ecs: {
      [REGION]: {
        ListTaskDefinitions: {
          taskDefinitionArns: Array.from({ length: revision }, (_, i) => taskArn(family, i + 1)),
        },
        ...(answer === undefined ? {} : { DescribeTaskDefinition: { [taskArn(family, revision)]: answer } }),
      },
    },
  } as Section);
}

export const denied = (action: string) =>
  awsError(
    'AccessDeniedException',
    `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: ecs:${action} on resource: * because no identity-based policy allows the ecs:${action} action`,
  );

export const listDenied = (operation: 'ListClusters' | 'ListTaskDefinitions') =>
  snapshotOf({ ecs: { [REGION]: { [operation]: denied(operation) } } });

/** The unknown rows every task definition check shares: the same two reads decide them all. */
export const TASK_UNKNOWNS = [
  {
    name: 'DescribeTaskDefinition denied',
    snapshot: oneTask('web', 1, denied('DescribeTaskDefinition')),
    message: 'AccessDeniedException on ecs:DescribeTaskDefinition',
  },
  { name: 'not collected', snapshot: oneTask('web', 1), message: 'ecs:DescribeTaskDefinition' },
  {
    name: "ListTaskDefinitions denied: the region's task definitions are hidden",
    snapshot: listDenied('ListTaskDefinitions'),
    arn: `arn:aws:ecs:${REGION}:${ACCOUNT_ID}:task-definition/*`,
    message: 'AccessDeniedException on ecs:ListTaskDefinitions',
  },
];
