import {
  CloudTrailClient,
  CloudTrailServiceException,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
} from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import cloudtrailCollector from '../../src/services/cloudtrail/index.ts';
import { collectRegional } from '../../src/collect/regional-collector.ts';
import { RunState } from '../../src/collect/run-state.ts';
import { normalise } from '../../src/model/normalise.ts';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import { ALL_S3_DATA_EVENTS, TRAIL_ARN, trail } from '../support/cloudtrail-builders.ts';

const ACCOUNT = { accountId: '123456789012', partition: 'aws' };
const cloudtrail = mockClient(CloudTrailClient);
let clients: AwsClients;

beforeEach(async () => {
  cloudtrail.reset();
  clients = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
  cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [trail()] });
  cloudtrail
    .on(GetTrailStatusCommand)
    .resolves({ IsLogging: true, LatestDeliveryTime: new Date('2026-11-22T00:00:00Z') });
  cloudtrail.on(GetEventSelectorsCommand).resolves(ALL_S3_DATA_EVENTS);
});
afterEach(() => clients.destroy());

async function collect(regions: string[]) {
  const run = new RunState(pLimit(8));
  const sections = await collectRegional(clients, ACCOUNT, [cloudtrailCollector], regions, run);
  return validateSnapshot({
    cloudwarden: 'snapshot/v1',
    ...ACCOUNT,
    collectedAt: '2026-11-22T00:00:00Z',
    regions,
    ...sections,
  });
}

describe('cloudtrail collector', () => {
  it('asks status and selectors once per trail, in its home region, keyed by ARN; shadow copies elsewhere are listed only', async () => {
    const snapshot = await collect(['ap-northeast-1', 'us-east-1']);
    expect(cloudtrail.commandCalls(GetTrailStatusCommand)).toHaveLength(1);
    expect(cloudtrail.commandCalls(GetTrailStatusCommand)[0]?.args[0].input).toEqual({ Name: TRAIL_ARN });
    expect(snapshot.cloudtrail?.['us-east-1']?.GetTrailStatus).toEqual({
      [TRAIL_ARN]: { IsLogging: true, LatestDeliveryTime: '2026-11-22T00:00:00.000Z' },
    });
    expect(snapshot.cloudtrail?.['ap-northeast-1']).toEqual({ DescribeTrails: { trailList: [trail()] } });
    const state = normalise(snapshot);
    expect(state.cloudtrail.trails).toHaveLength(1);
    expect(state.cloudtrail.trails[0]).toMatchObject({
      region: 'us-east-1',
      status: { kind: 'present', value: { isLogging: true } },
    });
  });

  it('records TrailNotFoundException for the trail and keeps the listing', async () => {
    cloudtrail.on(GetEventSelectorsCommand).rejects(
      new CloudTrailServiceException({
        name: 'TrailNotFoundException',
        message: 'Unknown trail: main for the user: 123456789012',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const snapshot = await collect(['us-east-1']);
    expect(snapshot.cloudtrail?.['us-east-1']?.GetEventSelectors).toEqual({
      [TRAIL_ARN]: {
        error: { name: 'TrailNotFoundException', message: 'Unknown trail: main for the user: 123456789012' },
      },
    });
  });
});
