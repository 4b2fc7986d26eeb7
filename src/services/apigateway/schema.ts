import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon API Gateway (REST APIs) operations answered once per region (GetRestApis pages concatenated). */
export const APIGATEWAY_LISTINGS = {
  // the REST API answers in lower camel case, unlike most services: `items`, `position`
  GetRestApis: z.looseObject({
    items: z.array(z.looseObject({ id: z.string().optional(), name: z.string().optional() })).optional(),
  }),
} as const;

// one method's settings: the key `*/*` holds the stage-wide defaults, `resource/path/METHOD` an override
const methodSetting = z.looseObject({
  loggingLevel: z.string().optional(),
  cachingEnabled: z.boolean().optional(),
  cacheDataEncrypted: z.boolean().optional(),
});

/** API Gateway calls made per REST API, keyed by the API id. */
export const APIGATEWAY_PER_RESOURCE = {
  // GetStages answers `item` (singular), every stage of the API in one list
  GetStages: z.looseObject({
    item: z
      .array(
        z.looseObject({
          stageName: z.string().optional(),
          clientCertificateId: z.string().optional(),
          tracingEnabled: z.boolean().optional(),
          webAclArn: z.string().optional(),
          cacheClusterEnabled: z.boolean().optional(),
          methodSettings: z.record(z.string(), methodSetting).optional(),
        }),
      )
      .optional(),
  }),
} as const;

/** The snapshot section (`snapshot.apigateway`), in the generated snapshot schema. */
export const section = regionalSection(APIGATEWAY_LISTINGS, APIGATEWAY_PER_RESOURCE);
export type ApigatewaySection = z.infer<typeof section>;
