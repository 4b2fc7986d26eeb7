import { DescribeStateMachineCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { defineService } from '../define-service.ts';
import { camelNextTokenPages } from '../pagination.ts';
import { SFN_LISTINGS, SFN_PER_RESOURCE } from './schema.ts';

/** AWS Step Functions evidence of one region: the state machines, and each one's configuration. */
export default defineService({
  name: 'sfn',
  title: 'AWS Step Functions',
  scope: 'regional',
  client: SFNClient,
  operations: {
    ListStateMachines: {
      command: ListStateMachinesCommand,
      input: () => ({ maxResults: 1000 }),
      pages: camelNextTokenPages('stateMachines'),
      response: SFN_LISTINGS.ListStateMachines,
      iam: ['states:ListStateMachines'],
    },
    DescribeStateMachine: {
      command: DescribeStateMachineCommand,
      perResource: {
        after: ['ListStateMachines'],
        targets: (answers) =>
          (
            (answers.ListStateMachines as { stateMachines?: { stateMachineArn?: string }[] } | undefined)
              ?.stateMachines ?? []
          )
            .flatMap((m) => (m.stateMachineArn === undefined ? [] : [m.stateMachineArn]))
            .map((arn) => ({ key: arn, input: { stateMachineArn: arn } })),
      },
      response: SFN_PER_RESOURCE.DescribeStateMachine,
      iam: ['states:DescribeStateMachine'],
    },
  },
});
