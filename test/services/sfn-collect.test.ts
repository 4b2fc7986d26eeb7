import { DescribeStateMachineCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import { RunState } from '../../src/collect/run-state.ts';
import { collectService } from '../../src/services/collect-service.ts';
import sfnService from '../../src/services/sfn/index.ts';

const CONTEXT = { region: 'eu-west-1', accountId: '123456789012', partition: 'aws' };
const ARN = (name: string) => `arn:aws:states:eu-west-1:123456789012:stateMachine:${name}`;
const created = new Date('2026-10-01T09:00:00Z');

const sfn = mockClient(SFNClient);
let clients: AwsClients;

beforeEach(async () => {
  sfn.reset();
  clients = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
});
afterEach(() => clients.destroy());

describe('AWS Step Functions (sfn)', () => {
  it('follows nextToken through ListStateMachines, then describes each machine by ARN', async () => {
    sfn
      .on(ListStateMachinesCommand)
      .resolves({
        stateMachines: [{ stateMachineArn: ARN('orders'), name: 'orders', type: 'STANDARD', creationDate: created }],
        nextToken: 'page-2',
      })
      .on(ListStateMachinesCommand, { nextToken: 'page-2' })
      .resolves({
        stateMachines: [{ stateMachineArn: ARN('export'), name: 'export', type: 'EXPRESS', creationDate: created }],
      });
    sfn.on(DescribeStateMachineCommand).callsFake(async ({ stateMachineArn }: { stateMachineArn: string }) => ({
      stateMachineArn,
      name: stateMachineArn.split(':').at(-1),
      definition: '{}',
      roleArn: 'arn:aws:iam::123456789012:role/sfn',
      type: 'STANDARD',
      creationDate: created,
      loggingConfiguration: { level: 'ERROR', includeExecutionData: false },
    }));
    const run = new RunState(pLimit(4));
    const entry = await collectService(sfnService, clients, CONTEXT, run);
    expect(sfn.commandCalls(ListStateMachinesCommand)[0]?.args[0].input).toEqual({ maxResults: 1000 });
    expect((entry.ListStateMachines as { stateMachines: unknown[] }).stateMachines).toHaveLength(2);
    expect(Object.keys(entry.DescribeStateMachine as object)).toEqual([ARN('orders'), ARN('export')]);
    expect(entry.DescribeStateMachine).toMatchObject({ [ARN('export')]: { loggingConfiguration: { level: 'ERROR' } } });
    expect(run.stats).toMatchObject({ calls: 4, errors: 0 });
  });
});
