import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { present } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, type ArnParts, type NormaliseContext } from '../define-state.ts';
import type { Apigatewayv2Section } from './schema.ts';

/** A stage of an HTTP or WebSocket API, ARN `arn:<partition>:apigateway:<region>::/apis/<api id>/stages/<stage>`. */
export interface Apigatewayv2Stage {
  kind: 'apigatewayv2-stage';
  arn: string;
  region: string;
  accountId: string;
  apiId: string;
  apiName: string;
  name: string;
  /** where access logs go (a CloudWatch Logs log group or Firehose stream); undefined when not configured */
  accessLogDestination: string | undefined;
}

/** A route of an HTTP or WebSocket API, ARN `arn:<partition>:apigateway:<region>::/apis/<api id>/routes/<route id>`. */
export interface Apigatewayv2Route {
  kind: 'apigatewayv2-route';
  arn: string;
  region: string;
  accountId: string;
  apiId: string;
  apiName: string;
  /** `HTTP` or `WEBSOCKET` */
  protocol: string;
  routeId: string;
  /** `GET /orders`, `$default`, `$connect`… */
  routeKey: string;
  /** `NONE`, `AWS_IAM`, `CUSTOM` or `JWT` (API Gateway's default is NONE) */
  authorizationType: string;
  /**
   * For a WebSocket API: the authorization of its `$connect` route, where API Gateway authorizes a WebSocket
   * client once for the whole connection (undefined when the API has no `$connect` route).
   */
  connectAuthorizationType: string | undefined;
}

export interface Apigatewayv2State {
  stages: Apigatewayv2Stage[];
  routes: Apigatewayv2Route[];
}

/** API Gateway ARNs name no account; the id is `<api id>/stages/<stage>` or `<api id>/routes/<route id>`. */
function apiArn({ partition, region, id }: ArnParts): string {
  return `arn:${partition}:apigateway:${region}::/apis/${id}`;
}

/**
 * The stages and routes of every API of every region. A failed GetApis hides both kinds in the region, a failed
 * GetStages or GetRoutes that API's stages or routes: each is a gap, so the checks say unknown.
 */
function normaliseApigatewayv2(
  section: Apigatewayv2Section,
  context: NormaliseContext,
): { state: Apigatewayv2State; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: Apigatewayv2State = { stages: [], routes: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const apis = listing(
      entry.GetApis,
      { operation: 'apigatewayv2:GetApis', region },
      [context.hidden('apigatewayv2-stage', region), context.hidden('apigatewayv2-route', region)],
      gaps,
      (r) =>
        (r.Items ?? []).flatMap((api) =>
          api.ApiId === undefined
            ? []
            : [{ id: api.ApiId, name: api.Name ?? api.ApiId, protocol: api.ProtocolType ?? 'HTTP' }],
        ),
    );
    for (const api of apis.items) {
      const common = { region, accountId: context.accountId, apiId: api.id, apiName: api.name };
      const stages = listing(
        (entry.GetStages ?? {})[api.id],
        { operation: 'apigatewayv2:GetStages', region },
        [{ kind: 'apigatewayv2-stage', arn: context.arn('apigatewayv2-stage', region, `${api.id}/stages/*`) }],
        gaps,
        (r) =>
          (r.Items ?? []).flatMap((s): Apigatewayv2Stage[] =>
            s.StageName === undefined
              ? []
              : [
                  {
                    kind: 'apigatewayv2-stage',
                    arn: context.arn('apigatewayv2-stage', region, `${api.id}/stages/${s.StageName}`),
                    ...common,
                    name: s.StageName,
                    accessLogDestination: s.AccessLogSettings?.DestinationArn || undefined,
                  },
                ],
          ),
      );
      appendAll(state.stages, stages.items);
      const routes = listing(
        (entry.GetRoutes ?? {})[api.id],
        { operation: 'apigatewayv2:GetRoutes', region },
        [{ kind: 'apigatewayv2-route', arn: context.arn('apigatewayv2-route', region, `${api.id}/routes/*`) }],
        gaps,
        (r) => {
          const listed = r.Items ?? [];
          const connect = listed.find((route) => route.RouteKey === '$connect');
          return listed.flatMap((route): Apigatewayv2Route[] =>
            route.RouteId === undefined
              ? []
              : [
                  {
                    kind: 'apigatewayv2-route',
                    arn: context.arn('apigatewayv2-route', region, `${api.id}/routes/${route.RouteId}`),
                    ...common,
                    protocol: api.protocol,
                    routeId: route.RouteId,
                    routeKey: route.RouteKey ?? route.RouteId,
                    authorizationType: route.AuthorizationType ?? 'NONE',
                    connectAuthorizationType: connect ? (connect.AuthorizationType ?? 'NONE') : undefined,
                  },
                ],
          );
        },
      );
      appendAll(state.routes, routes.items);
    }
  }
  return { state, gaps };
}

/** Amazon API Gateway HTTP and WebSocket APIs in the account state: `state.apigatewayv2` (stages and routes). */
export default defineServiceState({
  sections: ['apigatewayv2'],
  normalise: (snapshot, context) => normaliseApigatewayv2(snapshot.apigatewayv2 ?? {}, context),
  resources: {
    'apigatewayv2-stage': {
      securityHubType: 'AwsApiGatewayV2Stage',
      arn: apiArn,
      of: (state: Apigatewayv2State) => state.stages,
    },
    'apigatewayv2-route': {
      // Security Hub has no resource type of its own for a route
      securityHubType: 'Other',
      arn: apiArn,
      of: (state: Apigatewayv2State) => state.routes,
    },
  },
  operations: {
    'apigatewayv2:GetApis': {
      scope: 'apigatewayv2-stage',
      read: (_s: Apigatewayv2State, stage: Apigatewayv2Stage) => present(stage),
    },
    'apigatewayv2:GetStages': {
      scope: 'apigatewayv2-stage',
      read: (_s: Apigatewayv2State, stage: Apigatewayv2Stage) => present(stage),
    },
    'apigatewayv2:GetRoutes': {
      scope: 'apigatewayv2-route',
      read: (_s: Apigatewayv2State, route: Apigatewayv2Route) => present(route),
    },
  },
});
