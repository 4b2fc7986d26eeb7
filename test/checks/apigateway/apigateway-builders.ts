import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const API_ID = 'a1b2c3d4e5';
export const stageArn = (stage: string, api = API_ID) =>
  `arn:aws:apigateway:${REGION}::/restapis/${api}/stages/${stage}`;
export const WEB_ACL = `arn:aws:wafv2:${REGION}:${ACCOUNT_ID}:regional/webacl/api-protection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`;

/** One GetStages stage that meets every control, with `fields` replaced (API Gateway's lower camel case). */
export function stage(name: string, fields: Record<string, unknown> = {}) {
  return {
    deploymentId: 'k9l8m7',
    clientCertificateId: 'q1w2e3',
    stageName: name,
    cacheClusterEnabled: true,
    cacheClusterSize: '0.5',
    cacheClusterStatus: 'AVAILABLE',
    methodSettings: {
      '*/*': {
        metricsEnabled: true,
        loggingLevel: 'ERROR',
        dataTraceEnabled: false,
        throttlingBurstLimit: 5000,
        throttlingRateLimit: 10000,
        cachingEnabled: true,
        cacheTtlInSeconds: 300,
        cacheDataEncrypted: true,
        requireAuthorizationForCacheControl: true,
        unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
      },
    },
    tracingEnabled: true,
    webAclArn: WEB_ACL,
    createdDate: '2026-10-01T09:00:00Z',
    lastUpdatedDate: '2026-11-01T09:00:00Z',
    ...fields,
  };
}

/** One region with the REST API `orders`, GetStages answering `answer` (left out: not collected). */
export function oneApi(answer?: unknown): Snapshot {
  return snapshotOf({
    apigateway: {
      [REGION]: {
        GetRestApis: {
          items: [
            {
              id: API_ID,
              name: 'orders',
              createdDate: '2026-10-01T09:00:00Z',
              apiKeySource: 'HEADER',
              endpointConfiguration: { types: ['REGIONAL'] },
              disableExecuteApiEndpoint: false,
              rootResourceId: 'r00t1d',
            },
          ],
        },
        ...(answer === undefined ? {} : { GetStages: { [API_ID]: answer } }),
      },
    },
  } as Parameters<typeof snapshotOf>[0]);
}

/** The stage `name` of `orders`, as the only stage. */
export const oneStage = (name: string, fields: Record<string, unknown> = {}) => oneApi({ item: [stage(name, fields)] });

const denied = () =>
  awsError(
    'AccessDeniedException',
    `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: apigateway:GET on resource: arn:aws:apigateway:${REGION}::/restapis`,
  );

/** The unknown rows every REST stage check shares: the same two reads decide them all. */
export const APIGATEWAY_UNKNOWNS = [
  {
    name: "GetStages denied: the API's stages are hidden",
    snapshot: oneApi(denied()),
    arn: stageArn('*'),
    message: 'AccessDeniedException on apigateway:GetStages',
  },
  {
    name: 'GetStages not collected',
    snapshot: oneApi(),
    arn: stageArn('*'),
    message: 'apigateway:GetStages was not collected',
  },
  {
    name: "GetRestApis denied: the region's stages are hidden",
    snapshot: snapshotOf({ apigateway: { [REGION]: { GetRestApis: denied() } } }),
    arn: `arn:aws:apigateway:${REGION}::/restapis/*`,
    message: 'AccessDeniedException on apigateway:GetRestApis',
  },
];
