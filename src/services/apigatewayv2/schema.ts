import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon API Gateway v2 (HTTP and WebSocket APIs) operations answered once per region. */
export const APIGATEWAYV2_LISTINGS = {
  GetApis: z.looseObject({
    Items: z
      .array(
        z.looseObject({
          ApiId: z.string().optional(),
          Name: z.string().optional(),
          // HTTP or WEBSOCKET
          ProtocolType: z.string().optional(),
        }),
      )
      .optional(),
  }),
} as const;

/** API Gateway v2 calls made per API, keyed by the API id (each one's pages concatenated). */
export const APIGATEWAYV2_PER_RESOURCE = {
  GetStages: z.looseObject({
    Items: z
      .array(
        z.looseObject({
          StageName: z.string().optional(),
          AccessLogSettings: z
            .looseObject({ DestinationArn: z.string().optional(), Format: z.string().optional() })
            .optional(),
        }),
      )
      .optional(),
  }),
  GetRoutes: z.looseObject({
    Items: z
      .array(
        z.looseObject({
          RouteId: z.string().optional(),
          RouteKey: z.string().optional(),
          // NONE, AWS_IAM, CUSTOM or JWT
          AuthorizationType: z.string().optional(),
        }),
      )
      .optional(),
  }),
} as const;

/** The snapshot section (`snapshot.apigatewayv2`), in the generated snapshot schema. */
export const section = regionalSection(APIGATEWAYV2_LISTINGS, APIGATEWAYV2_PER_RESOURCE);
export type Apigatewayv2Section = z.infer<typeof section>;
