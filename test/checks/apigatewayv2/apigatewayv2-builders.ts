import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const API_ID = 'x1y2z3w4v5';
export const apiArn = (path: string) => `arn:aws:apigateway:${REGION}::/apis/${API_ID}/${path}`;
export const LOG_GROUP = `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:/aws/apigateway/checkout-access`;

/** One GetApis entry, as API Gateway v2 answers (PascalCase). */
function api(protocol: 'HTTP' | 'WEBSOCKET') {
  return {
    ApiId: API_ID,
    Name: 'checkout',
    ProtocolType: protocol,
    ApiEndpoint: `https://${API_ID}.execute-api.${REGION}.amazonaws.com`,
    ApiKeySelectionExpression: '$request.header.x-api-key',
    RouteSelectionExpression: protocol === 'HTTP' ? '$request.method $request.path' : '$request.body.action',
    CreatedDate: '2026-10-01T09:00:00Z',
    DisableExecuteApiEndpoint: false,
  };
}

/** A GetStages stage with access logging to LOG_GROUP, `fields` replaced. */
export function stage(name: string, fields: Record<string, unknown> = {}) {
  return {
    StageName: name,
    AutoDeploy: true,
    DeploymentId: 'abc123',
    AccessLogSettings: { DestinationArn: LOG_GROUP, Format: '$context.requestId $context.status' },
    DefaultRouteSettings: { DetailedMetricsEnabled: false },
    CreatedDate: '2026-10-01T09:00:00Z',
    LastUpdatedDate: '2026-11-01T09:00:00Z',
    ...fields,
  };
}

/** A GetRoutes route. */
export function route(id: string, key: string, authorizationType: string) {
  return {
    RouteId: id,
    RouteKey: key,
    AuthorizationType: authorizationType,
    ApiKeyRequired: false,
    ...(authorizationType === 'NONE' || authorizationType === 'AWS_IAM' ? {} : { AuthorizerId: 'auth01' }),
    Target: 'integrations/int001',
  };
}

/** One region with the API `checkout`; GetStages and GetRoutes answer as given (left out: not collected). */
export function oneApi(
  answers: { stages?: unknown; routes?: unknown },
  protocol: 'HTTP' | 'WEBSOCKET' = 'HTTP',
): Snapshot {
  return snapshotOf({
    apigatewayv2: {
      [REGION]: {
        GetApis: { Items: [api(protocol)] },
        ...(answers.stages === undefined ? {} : { GetStages: { [API_ID]: answers.stages } }),
        ...(answers.routes === undefined ? {} : { GetRoutes: { [API_ID]: answers.routes } }),
      },
    },
  } as Parameters<typeof snapshotOf>[0]);
}

export const denied = () =>
  awsError(
    'AccessDeniedException',
    `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: apigateway:GET on resource: arn:aws:apigateway:${REGION}::/apis`,
  );

/** The region's GetApis denied: stages and routes are hidden alike. */
export const apisDenied = () => snapshotOf({ apigatewayv2: { [REGION]: { GetApis: denied() } } });
