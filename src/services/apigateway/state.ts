import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { present } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, type ArnParts, type NormaliseContext } from '../define-state.ts';
import type { ApigatewaySection } from './schema.ts';

/** One entry of a stage's `methodSettings`, with API Gateway's defaults filled in (off, not cached). */
export interface ApigatewayMethodSetting {
  /** `OFF`, `ERROR` or `INFO`; undefined when the entry does not set it */
  loggingLevel: string | undefined;
  cachingEnabled: boolean;
  cacheDataEncrypted: boolean;
}

/** A REST API stage, ARN `arn:<partition>:apigateway:<region>::/restapis/<api id>/stages/<stage>`. */
export interface ApigatewayStage {
  kind: 'apigateway-stage';
  arn: string;
  region: string;
  accountId: string;
  apiId: string;
  apiName: string;
  name: string;
  /** the client certificate API Gateway presents to the backend */
  clientCertificateId: string | undefined;
  tracingEnabled: boolean;
  /** the AWS WAF web ACL the stage is associated with */
  webAclArn: string | undefined;
  cacheClusterEnabled: boolean;
  // keyed `*/*` (every method) or `<resource path>/<HTTP method>` (one method's override)
  methodSettings: Record<string, ApigatewayMethodSetting>;
}

export interface ApigatewayState {
  stages: ApigatewayStage[];
}

/**
 * API Gateway ARNs name no account (`arn:aws:apigateway:us-east-1::/restapis/a1b2c3/stages/prod`); the id is
 * `<api id>/stages/<stage>`.
 */
function stageArn({ partition, region, id }: ArnParts): string {
  return `arn:${partition}:apigateway:${region}::/restapis/${id}`;
}

/**
 * The stages of every REST API of every region. A failed GetRestApis hides the region's stages, a failed GetStages
 * the stages of that API: both are gaps, so the stage checks say unknown instead of passing by silence.
 */
function normaliseApigateway(
  section: ApigatewaySection,
  context: NormaliseContext,
): { state: ApigatewayState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: ApigatewayState = { stages: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const stagesOf = entry.GetStages ?? {};
    const apis = listing(
      entry.GetRestApis,
      { operation: 'apigateway:GetRestApis', region },
      [context.hidden('apigateway-stage', region)],
      gaps,
      (r) => (r.items ?? []).flatMap((api) => (api.id === undefined ? [] : [{ id: api.id, name: api.name ?? api.id }])),
    );
    for (const api of apis.items) {
      const stages = listing(
        stagesOf[api.id],
        { operation: 'apigateway:GetStages', region },
        [{ kind: 'apigateway-stage', arn: context.arn('apigateway-stage', region, `${api.id}/stages/*`) }],
        gaps,
        (r) =>
          (r.item ?? []).flatMap((s): ApigatewayStage[] => {
            if (s.stageName === undefined) return [];
            return [
              {
                kind: 'apigateway-stage',
                arn: context.arn('apigateway-stage', region, `${api.id}/stages/${s.stageName}`),
                region,
                accountId: context.accountId,
                apiId: api.id,
                apiName: api.name,
                name: s.stageName,
                clientCertificateId: s.clientCertificateId || undefined,
                tracingEnabled: s.tracingEnabled === true,
                webAclArn: s.webAclArn || undefined,
                cacheClusterEnabled: s.cacheClusterEnabled === true,
                methodSettings: Object.fromEntries(
                  Object.entries(s.methodSettings ?? {}).map(([path, m]) => [
                    path,
                    {
                      loggingLevel: m.loggingLevel,
                      cachingEnabled: m.cachingEnabled === true,
                      cacheDataEncrypted: m.cacheDataEncrypted === true,
                    },
                  ]),
                ),
              },
            ];
          }),
      );
      appendAll(state.stages, stages.items);
    }
  }
  return { state, gaps };
}

/** Amazon API Gateway REST APIs in the account state: `state.apigateway` (the stages of every API and region). */
export default defineServiceState({
  sections: ['apigateway'],
  normalise: (snapshot, context) => normaliseApigateway(snapshot.apigateway ?? {}, context),
  resources: {
    'apigateway-stage': {
      securityHubType: 'AwsApiGatewayStage',
      arn: stageArn,
      of: (state: ApigatewayState) => state.stages,
    },
  },
  operations: {
    'apigateway:GetRestApis': {
      scope: 'apigateway-stage',
      read: (_s: ApigatewayState, stage: ApigatewayStage) => present(stage),
    },
    'apigateway:GetStages': {
      scope: 'apigateway-stage',
      read: (_s: ApigatewayState, stage: ApigatewayStage) => present(stage),
    },
  },
});
