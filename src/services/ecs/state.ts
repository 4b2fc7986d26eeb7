import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe, present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, resourceArn, type NormaliseContext } from '../define-state.ts';
import { latestRevisions } from './revisions.ts';
import type { EcsSection } from './schema.ts';

/** An ECS cluster, ARN `arn:<partition>:ecs:<region>:<account>:cluster/<name>`. */
export interface EcsCluster {
  kind: 'ecs-cluster';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  /** the `containerInsights` setting (`enabled`, `enhanced`, `disabled`), undefined when the cluster has none */
  containerInsights: Observed<string | undefined>;
}

/** One container of a task definition, as the checks read it. */
export interface EcsContainer {
  name: string;
  privileged: boolean;
  readonlyRootFilesystem: boolean;
  /** literal environment variables (values in the task definition, readable by anyone who can describe it) */
  environment: { name: string; value: string }[];
  /** `awslogs`, `awsfirelens`, `splunk`…; undefined when the container has no log configuration */
  logDriver: string | undefined;
}

/** The latest ACTIVE revision of a task definition family, ARN `…:task-definition/<family>:<revision>`. */
export interface EcsTaskDefinition {
  kind: 'ecs-task-definition';
  arn: string;
  region: string;
  accountId: string;
  /** `<family>:<revision>` */
  name: string;
  containers: Observed<EcsContainer[]>;
  /** the task's `pidMode` (`host`, `task`), undefined when not set; read from the same answer as `containers` */
  pidMode: Observed<string | undefined>;
}

export interface EcsState {
  clusters: EcsCluster[];
  taskDefinitions: EcsTaskDefinition[];
}

const lastSegment = (arn: string) => arn.slice(arn.indexOf('/') + 1);

/** The clusters and latest task definitions of every region; a failed listing is a gap. */
function normaliseEcs(section: EcsSection, context: NormaliseContext): { state: EcsState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: EcsState = { clusters: [], taskDefinitions: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const describedClusters = entry.DescribeClusters ?? {};
    const clusters = listing(
      entry.ListClusters,
      { operation: 'ecs:ListClusters', region },
      [context.hidden('ecs-cluster', region)],
      gaps,
      (r) =>
        (r.clusterArns ?? []).map((arn): EcsCluster => ({
          kind: 'ecs-cluster',
          arn,
          region,
          accountId: context.accountId,
          name: lastSegment(arn),
          containerInsights: observe(describedClusters[arn], 'ecs:DescribeClusters', [], (d) => {
            const cluster = (d.clusters ?? []).find((c) => c.clusterArn === arn);
            if (cluster === undefined)
              return {
                kind: 'error',
                operation: 'ecs:DescribeClusters',
                error: {
                  name: 'ClusterNotFound',
                  message: (d.failures ?? []).map((f) => f.reason ?? '').join(', ') || 'the cluster was not described',
                },
              };
            return cluster.settings?.find((s) => s.name === 'containerInsights')?.value;
          }),
        })),
    );
    appendAll(state.clusters, clusters.items);
    const describedTasks = entry.DescribeTaskDefinition ?? {};
    const tasks = listing(
      entry.ListTaskDefinitions,
      { operation: 'ecs:ListTaskDefinitions', region },
      [context.hidden('ecs-task-definition', region)],
      gaps,
      (r) =>
        latestRevisions(r.taskDefinitionArns ?? []).map((arn): EcsTaskDefinition => ({
          kind: 'ecs-task-definition',
          arn,
          region,
          accountId: context.accountId,
          name: lastSegment(arn),
          containers: observe(describedTasks[arn], 'ecs:DescribeTaskDefinition', [], (d) =>
            (d.taskDefinition.containerDefinitions ?? []).map((c): EcsContainer => ({
              name: c.name ?? '(unnamed)',
              privileged: c.privileged === true,
              readonlyRootFilesystem: c.readonlyRootFilesystem === true,
              environment: (c.environment ?? []).flatMap((e) =>
                e.name === undefined ? [] : [{ name: e.name, value: e.value ?? '' }],
              ),
              logDriver: c.logConfiguration?.logDriver,
            })),
          ),
          pidMode: observe(describedTasks[arn], 'ecs:DescribeTaskDefinition', [], (d) => d.taskDefinition.pidMode),
        })),
    );
    appendAll(state.taskDefinitions, tasks.items);
  }
  return { state, gaps };
}

/** Amazon ECS in the account state: `state.ecs` (clusters and latest task definitions of every region). */
export default defineServiceState({
  sections: ['ecs'],
  normalise: (snapshot, context) => normaliseEcs(snapshot.ecs ?? {}, context),
  resources: {
    'ecs-cluster': {
      securityHubType: 'AwsEcsCluster',
      arn: resourceArn('ecs', 'cluster'),
      of: (state: EcsState) => state.clusters,
    },
    'ecs-task-definition': {
      securityHubType: 'AwsEcsTaskDefinition',
      arn: resourceArn('ecs', 'task-definition'),
      of: (state: EcsState) => state.taskDefinitions,
    },
  },
  operations: {
    'ecs:ListClusters': { scope: 'ecs-cluster', read: (_s: EcsState, c: EcsCluster) => present(c) },
    'ecs:DescribeClusters': { scope: 'ecs-cluster', read: (_s: EcsState, c: EcsCluster) => c.containerInsights },
    'ecs:ListTaskDefinitions': {
      scope: 'ecs-task-definition',
      read: (_s: EcsState, t: EcsTaskDefinition) => present(t),
    },
    'ecs:DescribeTaskDefinition': {
      scope: 'ecs-task-definition',
      read: (_s: EcsState, t: EcsTaskDefinition) => t.containers,
    },
  },
});
