import { ApiGatewayV2Client, GetApisCommand, GetRoutesCommand, GetStagesCommand } from '@aws-sdk/client-apigatewayv2';
import { defineService } from '../define-service.ts';
import { nextTokenPages } from '../pagination.ts';
import { APIGATEWAYV2_LISTINGS, APIGATEWAYV2_PER_RESOURCE } from './schema.ts';

/** The ids GetApis listed: every follow-up is asked per API. */
function perApi(answers: Readonly<Record<string, unknown>>): { key: string; input: object }[] {
  return ((answers.GetApis as { Items?: { ApiId?: string }[] } | undefined)?.Items ?? [])
    .flatMap((api) => (api.ApiId === undefined ? [] : [api.ApiId]))
    .map((id) => ({ key: id, input: { ApiId: id, MaxResults: '500' } }));
}

/** Amazon API Gateway v2 evidence of one region: the HTTP and WebSocket APIs, each one's stages and routes. */
export default defineService({
  name: 'apigatewayv2',
  title: 'Amazon API Gateway (HTTP and WebSocket APIs)',
  scope: 'regional',
  client: ApiGatewayV2Client,
  operations: {
    GetApis: {
      command: GetApisCommand,
      // MaxResults is a string in this API
      input: () => ({ MaxResults: '500' }),
      pages: nextTokenPages('Items'),
      response: APIGATEWAYV2_LISTINGS.GetApis,
      iam: ['apigateway:GET'],
    },
    GetStages: {
      command: GetStagesCommand,
      perResource: { after: ['GetApis'], targets: perApi },
      pages: nextTokenPages('Items'),
      response: APIGATEWAYV2_PER_RESOURCE.GetStages,
      iam: ['apigateway:GET'],
    },
    GetRoutes: {
      command: GetRoutesCommand,
      perResource: { after: ['GetApis'], targets: perApi },
      pages: nextTokenPages('Items'),
      response: APIGATEWAYV2_PER_RESOURCE.GetRoutes,
      iam: ['apigateway:GET'],
    },
  },
});
