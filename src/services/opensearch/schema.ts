import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon OpenSearch Service operations answered once per region. */
export const OPENSEARCH_LISTINGS = {
  ListDomainNames: z.looseObject({
    DomainNames: z
      .array(z.looseObject({ DomainName: z.string().optional(), EngineType: z.string().optional() }))
      .optional(),
  }),
} as const;

const enabled = z.looseObject({ Enabled: z.boolean().optional() }).optional();

/** OpenSearch calls made per domain, keyed by domain name. */
export const OPENSEARCH_PER_RESOURCE = {
  DescribeDomain: z.looseObject({
    DomainStatus: z.looseObject({
      DomainName: z.string().optional(),
      ARN: z.string().optional(),
      EncryptionAtRestOptions: z
        .looseObject({ Enabled: z.boolean().optional(), KmsKeyId: z.string().optional() })
        .optional(),
      NodeToNodeEncryptionOptions: enabled,
      // present only for a domain created in a VPC
      VPCOptions: z.looseObject({ VPCId: z.string().optional() }).optional(),
      DomainEndpointOptions: z
        .looseObject({ EnforceHTTPS: z.boolean().optional(), TLSSecurityPolicy: z.string().optional() })
        .optional(),
      LogPublishingOptions: z.record(z.string(), z.looseObject({ Enabled: z.boolean().optional() })).optional(),
      ClusterConfig: z
        .looseObject({
          InstanceCount: z.number().optional(),
          ZoneAwarenessEnabled: z.boolean().optional(),
          DedicatedMasterEnabled: z.boolean().optional(),
          DedicatedMasterCount: z.number().optional(),
        })
        .optional(),
      // fine-grained access control
      AdvancedSecurityOptions: enabled,
      ServiceSoftwareOptions: z
        .looseObject({
          CurrentVersion: z.string().optional(),
          NewVersion: z.string().optional(),
          UpdateAvailable: z.boolean().optional(),
          UpdateStatus: z.string().optional(),
        })
        .optional(),
    }),
  }),
} as const;

/** The snapshot section (`snapshot.opensearch`), in the generated snapshot schema. */
export const section = regionalSection(OPENSEARCH_LISTINGS, OPENSEARCH_PER_RESOURCE);
export type OpensearchSection = z.infer<typeof section>;
