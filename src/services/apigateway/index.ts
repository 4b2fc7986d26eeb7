import { APIGatewayClient, GetRestApisCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import { defineService } from '../define-service.ts';
import { APIGATEWAY_LISTINGS, APIGATEWAY_PER_RESOURCE } from './schema.ts';

/** Amazon API Gateway evidence of one region: the REST APIs, and every stage of each. */
export default defineService({
  name: 'apigateway',
  title: 'Amazon API Gateway (REST APIs)',
  scope: 'regional',
  client: APIGatewayClient,
  operations: {
    GetRestApis: {
      command: GetRestApisCommand,
      input: () => ({ limit: 500 }),
      // `position` both ways: the answer's position is the next request's
      pages: { input: 'position', output: 'position', items: ['items'] },
      response: APIGATEWAY_LISTINGS.GetRestApis,
      iam: ['apigateway:GET'],
    },
    GetStages: {
      command: GetStagesCommand,
      perResource: {
        after: ['GetRestApis'],
        targets: (answers) =>
          ((answers.GetRestApis as { items?: { id?: string }[] } | undefined)?.items ?? [])
            .flatMap((api) => (api.id === undefined ? [] : [api.id]))
            .map((id) => ({ key: id, input: { restApiId: id } })),
      },
      response: APIGATEWAY_PER_RESOURCE.GetStages,
      iam: ['apigateway:GET'],
    },
  },
});
