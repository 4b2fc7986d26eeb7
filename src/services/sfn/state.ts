import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe, present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, type NormaliseContext } from '../define-state.ts';
import type { SfnSection } from './schema.ts';

/** A Step Functions state machine, ARN `arn:<partition>:states:<region>:<account>:stateMachine:<name>`. */
export interface SfnStateMachine {
  kind: 'sfn-state-machine';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  /** the execution history log level (`OFF` when DescribeStateMachine gives no logging configuration) */
  logLevel: Observed<string>;
}

export interface SfnState {
  stateMachines: SfnStateMachine[];
}

/** The state machines of every region; a failed ListStateMachines is a gap (their checks say unknown). */
function normaliseSfn(section: SfnSection, context: NormaliseContext): { state: SfnState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: SfnState = { stateMachines: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const described = entry.DescribeStateMachine ?? {};
    const listed = listing(
      entry.ListStateMachines,
      { operation: 'sfn:ListStateMachines', region },
      [context.hidden('sfn-state-machine', region)],
      gaps,
      (r) =>
        (r.stateMachines ?? []).flatMap((m): SfnStateMachine[] => {
          if (m.stateMachineArn === undefined) return [];
          return [
            {
              kind: 'sfn-state-machine',
              // the listing gives the ARN itself: a machine of another partition keeps its own
              arn: m.stateMachineArn,
              region,
              accountId: context.accountId,
              name: m.name ?? m.stateMachineArn.split(':').at(-1) ?? m.stateMachineArn,
              logLevel: observe(
                described[m.stateMachineArn],
                'sfn:DescribeStateMachine',
                [],
                (d) => d.loggingConfiguration?.level ?? 'OFF',
              ),
            },
          ];
        }),
    );
    appendAll(state.stateMachines, listed.items);
  }
  return { state, gaps };
}

/** AWS Step Functions in the account state: `state.sfn` (state machines of every region). */
export default defineServiceState({
  sections: ['sfn'],
  normalise: (snapshot, context) => normaliseSfn(snapshot.sfn ?? {}, context),
  resources: {
    'sfn-state-machine': {
      securityHubType: 'AwsStepFunctionStateMachine',
      // `stateMachine:<name>`: a colon, not a slash, after the type
      arn: ({ partition, region, accountId, id }) =>
        `arn:${partition}:states:${region}:${accountId}:stateMachine:${id}`,
      of: (state: SfnState) => state.stateMachines,
    },
  },
  operations: {
    'sfn:ListStateMachines': {
      scope: 'sfn-state-machine',
      read: (_s: SfnState, m: SfnStateMachine) => present(m),
    },
    'sfn:DescribeStateMachine': {
      scope: 'sfn-state-machine',
      read: (_s: SfnState, m: SfnStateMachine) => m.logLevel,
    },
  },
});
