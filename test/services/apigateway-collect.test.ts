import {
  APIGatewayClient,
  APIGatewayServiceException,
  GetRestApisCommand,
  GetStagesCommand,
} from '@aws-sdk/client-api-gateway';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import { RunState } from '../../src/collect/run-state.ts';
import apigatewayService from '../../src/services/apigateway/index.ts';
import { collectService } from '../../src/services/collect-service.ts';

const CONTEXT = { region: 'eu-west-1', accountId: '123456789012', partition: 'aws' };

const restApis = mockClient(APIGatewayClient);
let clients: AwsClients;

beforeEach(async () => {
  restApis.reset();
  clients = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
});
afterEach(() => clients.destroy());

describe('API Gateway REST APIs (apigateway)', () => {
  it("follows GetRestApis' `position` into one answer, then asks GetStages per API id", async () => {
    restApis
      .on(GetRestApisCommand)
      .resolves({ items: [{ id: 'a1b2c3d4e5', name: 'orders' }], position: 'eyJpZCI6ImExYjJjM2Q0ZTUifQ==' })
      .on(GetRestApisCommand, { position: 'eyJpZCI6ImExYjJjM2Q0ZTUifQ==' })
      .resolves({ items: [{ id: 'f6g7h8i9j0', name: 'catalog' }] });
    restApis
      .on(GetStagesCommand, { restApiId: 'a1b2c3d4e5' })
      .resolves({ item: [{ stageName: 'prod', deploymentId: 'k9l8m7', tracingEnabled: true }] })
      .on(GetStagesCommand, { restApiId: 'f6g7h8i9j0' })
      // an API deleted between the listing and the follow-up
      .rejects(
        new APIGatewayServiceException({
          name: 'NotFoundException',
          message: 'Invalid API identifier specified 123456789012:f6g7h8i9j0',
          $fault: 'client',
          $metadata: { httpStatusCode: 404 },
        }),
      );
    const run = new RunState(pLimit(4));
    const entry = await collectService(apigatewayService, clients, CONTEXT, run);
    expect(entry.GetRestApis).toEqual({
      items: [
        { id: 'a1b2c3d4e5', name: 'orders' },
        { id: 'f6g7h8i9j0', name: 'catalog' },
      ],
    });
    expect(restApis.commandCalls(GetRestApisCommand)[0]?.args[0].input).toEqual({ limit: 500 });
    expect(entry.GetStages).toEqual({
      a1b2c3d4e5: { item: [{ stageName: 'prod', deploymentId: 'k9l8m7', tracingEnabled: true }] },
      f6g7h8i9j0: {
        error: { name: 'NotFoundException', message: 'Invalid API identifier specified 123456789012:f6g7h8i9j0' },
      },
    });
    expect(run.stats).toMatchObject({ calls: 4, errors: 1 });
  });
});
