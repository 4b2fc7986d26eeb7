import {
  APIGatewayClient,
  APIGatewayServiceException,
  GetRestApisCommand,
  GetStagesCommand,
} from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  GetApisCommand,
  GetRoutesCommand,
  GetStagesCommand as GetV2StagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import { RunState } from '../../src/collect/run-state.ts';
import apigatewayService from '../../src/services/apigateway/index.ts';
import apigatewayv2Service from '../../src/services/apigatewayv2/index.ts';
import { collectService } from '../../src/services/collect-service.ts';

const CONTEXT = { region: 'eu-west-1', accountId: '123456789012', partition: 'aws' };

const restApis = mockClient(APIGatewayClient);
const httpApis = mockClient(ApiGatewayV2Client);
let clients: AwsClients;

beforeEach(async () => {
  restApis.reset();
  httpApis.reset();
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

describe('API Gateway HTTP and WebSocket APIs (apigatewayv2)', () => {
  it("follows NextToken through GetApis and through each API's GetStages and GetRoutes", async () => {
    httpApis
      .on(GetApisCommand)
      .resolves({
        Items: [
          {
            ApiId: 'x1y2z3w4v5',
            Name: 'checkout',
            ProtocolType: 'HTTP',
            RouteSelectionExpression: '$request.method $request.path',
          },
        ],
        NextToken: 'apis-2',
      })
      .on(GetApisCommand, { NextToken: 'apis-2' })
      .resolves({
        Items: [
          {
            ApiId: 'q2w3e4r5t6',
            Name: 'chat',
            ProtocolType: 'WEBSOCKET',
            RouteSelectionExpression: '$request.body.action',
          },
        ],
      });
    httpApis.on(GetV2StagesCommand).callsFake(async ({ ApiId }: { ApiId: string }) => ({
      Items: [{ StageName: ApiId === 'x1y2z3w4v5' ? '$default' : 'production' }],
    }));
    httpApis
      .on(GetRoutesCommand, { ApiId: 'x1y2z3w4v5' })
      .resolves({
        Items: [{ RouteId: 'r1', RouteKey: 'GET /orders', AuthorizationType: 'JWT' }],
        NextToken: 'routes-2',
      })
      .on(GetRoutesCommand, { ApiId: 'x1y2z3w4v5', NextToken: 'routes-2' })
      .resolves({ Items: [{ RouteId: 'r2', RouteKey: 'POST /orders', AuthorizationType: 'NONE' }] })
      .on(GetRoutesCommand, { ApiId: 'q2w3e4r5t6' })
      .resolves({ Items: [{ RouteId: 'c1', RouteKey: '$connect', AuthorizationType: 'CUSTOM' }] });
    const run = new RunState(pLimit(4));
    const entry = await collectService(apigatewayv2Service, clients, CONTEXT, run);
    expect(entry.GetApis).toEqual({
      Items: [
        {
          ApiId: 'x1y2z3w4v5',
          Name: 'checkout',
          ProtocolType: 'HTTP',
          RouteSelectionExpression: '$request.method $request.path',
        },
        {
          ApiId: 'q2w3e4r5t6',
          Name: 'chat',
          ProtocolType: 'WEBSOCKET',
          RouteSelectionExpression: '$request.body.action',
        },
      ],
    });
    expect(entry.GetStages).toEqual({
      x1y2z3w4v5: { Items: [{ StageName: '$default' }] },
      q2w3e4r5t6: { Items: [{ StageName: 'production' }] },
    });
    expect(entry.GetRoutes).toEqual({
      x1y2z3w4v5: {
        Items: [
          { RouteId: 'r1', RouteKey: 'GET /orders', AuthorizationType: 'JWT' },
          { RouteId: 'r2', RouteKey: 'POST /orders', AuthorizationType: 'NONE' },
        ],
      },
      q2w3e4r5t6: { Items: [{ RouteId: 'c1', RouteKey: '$connect', AuthorizationType: 'CUSTOM' }] },
    });
    expect(run.stats).toMatchObject({ calls: 7, errors: 0 });
  });
});
